export const helpText = `Usage: berth-lint [options] <file|folder|->...

Lints Dockerfiles and Compose files. Folders are searched for Dockerfile, Dockerfile.*,
*.Dockerfile, *.dockerfile, Containerfile, compose.y(a)ml, compose.*.y(a)ml and
*docker*compose*.y(a)ml; a .yml or .yaml file named on the command line is read as Compose.
Compose files get the static rules (those that need a Docker engine run in the editor).
- reads one Dockerfile from standard input.

Options:
  -f, --format <format>      text (default), json, sarif, checkstyle, gnu,
                             codeclimate (GitLab Code Quality), junit, sonarqube or
                             codacy; hadolint's tty and gitlab_codeclimate name text
                             and codeclimate. Repeatable: one report per format
  -o, --output <file>        where the report of the same position goes (- is standard
                             output); repeatable. A format without an output goes to
                             standard output, an output without a format gets text.
                             A file is replaced whole once its report is complete
      --file-path-in-report <path>
                             the file name the reports give, for a run over one file
                             (standard input, or a Dockerfile linted inside a container)
  -c, --config <file>        a .hadolint.yaml to use (default: the nearest one above
                             each Dockerfile, else the user's own, where hadolint
                             looks: ~/.config/hadolint.yaml, ~/.hadolint.yaml…)
  -t, --failure-threshold <error|warning|info|style|none>
                             exit 1 when a finding is at least this severe
                             (default: the config's, else info)
      --no-fail              exit 0 whatever was found (usage errors still exit 2)
      --ignore <rule>        leave a rule out: its id or any alias, e.g. DL3006
      --error, --warning, --info, --style <rule>
                             report a rule at that severity, also one that is off
                             until given one (DL3057, DL1001). Each of these flags may
                             be repeated; they add to the config's ignored and
                             override, and win over them
      --trusted-registry <registry>
                             only images from these registries pass untrusted-registry
                             (DL3026): docker.io, my-company.com:5000, "*.gcr.io";
                             repeatable, added to the config's trustedRegistries
      --disable-ignore-pragma
                             "# hadolint ignore=" comments silence nothing
                             (BuildKit's "# check=skip=" still does)
      --require-label <label:type>
                             a label every stage must set, and the type of its value:
                             text (the default), url, semver, hash, rfc3339, spdx or
                             email (the label-* rules, DL3049-DL3058); repeatable,
                             added to the config's label-schema
      --strict-labels        report every label the label schema does not name
                             (label-not-in-schema, DL3050)
      --stdin-filename <path>
                             the name standard input is reported under; its
                             .hadolint.yaml and .dockerignore are looked up beside it
      --lang <en|zh-cn>      language of messages (default: en)
      --max-instructions <n> stop linting a file after n instructions, with a notice
                             (default: 1000; 0 reads them all)
      --color, --no-color    colour the text format or not (default: on a terminal,
                             unless NO_COLOR is set; FORCE_COLOR=1 forces it, =0 stops it)
      --list-rules           list every rule (text, or an array with --format json)
  -V, --verbose              say on standard error which config each Dockerfile was
                             linted with, which variables were read, and each report
  -v, --version              print the version
  -h, --help                 show this help

Exit codes: 0 clean, 1 findings at or above the threshold, 2 usage error or a report
that could not be written (the file is left as it was).
hadolint's .hadolint.yaml keys ignored, override, failure-threshold, no-fail,
trustedRegistries, disable-ignore-pragma, label-schema, strict-labels, format, formats,
no-color and verbose are read (the last four from --config or the working folder's
config: they are the run's), and so are its variables HADOLINT_IGNORE,
HADOLINT_OVERRIDE_ERROR/_WARNING/_INFO/_STYLE, HADOLINT_NOFAIL,
HADOLINT_FAILURE_THRESHOLD, HADOLINT_TRUSTED_REGISTRIES, HADOLINT_DISABLE_IGNORE_PRAGMA,
HADOLINT_REQUIRE_LABELS (name:type,name:type), HADOLINT_STRICT_LABELS, HADOLINT_FORMAT
(name,name) and HADOLINT_VERBOSE: under each config file, whose values win, and under
the flags. Formats do not add up as in hadolint: --format wins over the config's, which
wins over HADOLINT_FORMAT's. As in hadolint, a label typed in more than one place keeps the
type of the first of HADOLINT_REQUIRE_LABELS, the config file and --require-label.
`;
