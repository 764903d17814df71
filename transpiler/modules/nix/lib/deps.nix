# psl's bundled Nix lib: small helpers NixOS modules call for activation scripts and environment
# (stringAfter and the other strings-with-deps entries, ifEnable, maybeEnv, checkListOfEnum, setAttr,
# showWarnings, file-type tests), as nixpkgs has them.
{ lib }:
rec {
  # lib.stringsWithDeps: an activation-script entry is { text; deps; }.
  stringAfter = deps: text: { inherit text deps; };
  noDepEntry = text: {
    inherit text;
    deps = [ ];
  };
  fullDepEntry = text: deps: { inherit text deps; };
  packEntry = deps: text: { inherit deps text; };

  ifEnable =
    cond: val:
    if cond then
      val
    else if builtins.isList val then
      [ ]
    else if builtins.isAttrs val then
      { }
    else if val == true || val == false then
      false
    else
      null;
  optionalDrvAttr = cond: value: if cond then value else null;
  maybeEnv =
    name: default:
    let
      value = builtins.getEnv name;
    in
    if value == "" then default else value;
  inNixShell = builtins.getEnv "IN_NIX_SHELL" != "";
  checkListOfEnum =
    msg: valid: given:
    let
      unexpected = lib.subtractLists valid given;
    in
    lib.throwIfNot (unexpected == [ ])
      "${msg}: ${builtins.concatStringsSep ", " (map toString unexpected)} unexpected; valid ones: ${builtins.concatStringsSep ", " (map toString valid)}";
  setAttr = set: name: v: set // { ${name} = v; };
  showWarnings = warnings: res: lib.foldr (w: x: lib.warn w x) res warnings;

  # lib.filesystem
  pathType =
    path:
    if !builtins.pathExists path then
      throw "lib.filesystem.pathType: Path ${toString path} does not exist."
    else if toString path == "/" then
      "directory"
    else
      (builtins.readDir (dirOf path)).${baseNameOf path};
  pathIsDirectory = path: builtins.pathExists path && pathType path == "directory";
  pathIsRegularFile = path: builtins.pathExists path && pathType path == "regular";
}
