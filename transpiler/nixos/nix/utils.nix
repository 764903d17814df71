# psl's NixOS declarations: the `utils` module argument NixOS gives modules (escapeSystemdPath,
# escapeSystemdExecArg(s), toShellPath, systemdUtils), with NixOS's behaviour.
{ lib, pkgs }:
let
  systemdLib = import ./systemd-lib.nix { inherit lib pkgs; };
in
rec {
  escapeSystemdPath =
    s:
    let
      replacePrefix = p: r: s: if lib.hasPrefix p s then r + lib.removePrefix p s else s;
      trim = s: lib.removeSuffix "/" (lib.removePrefix "/" s);
      normalised = lib.strings.normalizePath s;
    in
    builtins.replaceStrings [ "/" ] [ "-" ] (
      replacePrefix "." (lib.strings.escapeC [ "." ] ".") (
        lib.strings.escapeC (lib.stringToCharacters " !\"#$%&'()*+,;<=>=@[\\]^`{|}~-") (
          if normalised == "/" then normalised else trim normalised
        )
      )
    );

  escapeSystemdExecArg =
    arg:
    let
      s =
        if builtins.isPath arg then
          "${arg}"
        else if builtins.isString arg then
          arg
        else if builtins.isInt arg || builtins.isFloat arg || lib.isDerivation arg then
          toString arg
        else
          throw "escapeSystemdExecArg only allows strings, paths, numbers and derivations";
    in
    builtins.replaceStrings [ "%" "$" ] [ "%%" "$$" ] (builtins.toJSON s);
  escapeSystemdExecArgs = lib.concatMapStringsSep " " escapeSystemdExecArg;

  toShellPath =
    shell:
    if lib.types.shellPackage.check shell then
      "/run/current-system/sw${shell.shellPath}"
    else if lib.types.package.check shell then
      throw "${shell} is not a shell package"
    else
      shell;

  systemdUtils = {
    lib = systemdLib;
    unitOptions = import ./systemd-unit-options.nix { inherit lib systemdLib; };
  };
}
