// Package managers: non-interactive flags and cache cleanup: hadolint's cases, from test/Hadolint/Rule/<code>Spec.hs.
import type { PeerCases } from './peerCases';

export const packageManagerCases: Record<string, PeerCases> = {
  DL3014: {
    fires: [
      'RUN apt-get install python',
      'RUN apt-get install -q python',
      'RUN apt-get install --quiet python',
    ],
    quiet: [
      'RUN apt-get install -yq python',
      'RUN apt-get install -y python',
      'RUN apt-get -y install python',
      'RUN apt-get --yes install python',
      'RUN apt-get --assume-yes install python',
      'RUN apt-get install -qq python',
      'RUN apt-get install -q -q python',
      'RUN apt-get install -q=2 python',
      'RUN apt-get install --quiet --quiet python',
    ],
    onbuildFires: ['RUN apt-get install python', 'RUN apt-get install -q python'],
    onbuildQuiet: [
      'RUN apt-get install -yq python',
      'RUN apt-get install -y python',
      'RUN apt-get -y install python',
      'RUN apt-get --yes install python',
      'RUN apt-get --assume-yes install python',
      'RUN apt-get install -qq python',
      'RUN apt-get install -q -q python',
      'RUN apt-get install -q=2 python',
      'RUN apt-get install --quiet --quiet python',
    ],
  },
  DL3030: {
    fires: ['RUN yum install httpd-2.4.24 && yum clean all'],
    quiet: ['RUN yum install -y httpd-2.4.24 && yum clean all', 'RUN bash -c `# not even a yum command`'],
    onbuildFires: ['RUN yum install httpd-2.4.24 && yum clean all'],
    onbuildQuiet: [
      'RUN yum install -y httpd-2.4.24 && yum clean all',
      'RUN bash -c `# not even a yum command`',
    ],
  },
  DL3034: {
    fires: ['RUN zypper install httpd=2.4.24 && zypper clean'],
    quiet: [
      'RUN zypper install -n httpd=2.4.24 && zypper clean',
      'RUN zypper install --non-interactive httpd=2.4.24 && zypper clean',
      'RUN zypper install -y httpd=2.4.24 && zypper clean',
      'RUN zypper install --no-confirm httpd=2.4.24 && zypper clean',
    ],
    onbuildFires: ['RUN zypper install httpd=2.4.24 && zypper clean'],
    onbuildQuiet: [
      'RUN zypper install -n httpd=2.4.24 && zypper clean',
      'RUN zypper install --non-interactive httpd=2.4.24 && zypper clean',
      'RUN zypper install -y httpd=2.4.24 && zypper clean',
      'RUN zypper install --no-confirm httpd=2.4.24 && zypper clean',
    ],
  },
  DL3038: {
    fires: [
      'RUN dnf install httpd-2.4.24 && dnf clean all',
      'RUN microdnf install httpd-2.4.24 && microdnf clean all',
    ],
    quiet: [
      'RUN dnf install -y httpd-2.4.24 && dnf clean all',
      'RUN microdnf install -y httpd-2.4.24 && microdnf clean all',
      'RUN notdnf install httpd',
    ],
    onbuildFires: [
      'RUN dnf install httpd-2.4.24 && dnf clean all',
      'RUN microdnf install httpd-2.4.24 && microdnf clean all',
    ],
    onbuildQuiet: [
      'RUN dnf install -y httpd-2.4.24 && dnf clean all',
      'RUN microdnf install -y httpd-2.4.24 && microdnf clean all',
      'RUN notdnf install httpd',
    ],
  },
};
