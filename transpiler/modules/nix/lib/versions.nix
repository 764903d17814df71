# psl's bundled Nix lib: lib.versions — parts of version strings, as nixpkgs' lib.versions.
{ lib }:
let
  inherit (builtins) splitVersion elemAt;
in
{
  inherit splitVersion;
  major = v: elemAt (splitVersion v) 0;
  minor = v: elemAt (splitVersion v) 1;
  patch = v: elemAt (splitVersion v) 2;
  majorMinor = v: builtins.concatStringsSep "." (lib.take 2 (splitVersion v));
  pad =
    n: version:
    let
      numeric = builtins.head (lib.splitString "-" version);
      suffix = lib.removePrefix numeric version;
    in
    builtins.concatStringsSep "." (lib.take n (splitVersion numeric ++ builtins.genList (_: "0") n)) + suffix;
}
