/**
 * One rule's cases as hadolint's test suite states them (test/Hadolint/Rule/DLxxxxSpec.hs):
 * `fires` is its ruleCatches, `quiet` ruleCatchesNot, and the onbuild lists are the snippets it
 * checks again with every RUN wrapped in ONBUILD (onBuildRuleCatches, onBuildRuleCatchesNot).
 */
export interface PeerCases {
  fires: string[];
  quiet: string[];
  onbuildFires: string[];
  onbuildQuiet: string[];
}
