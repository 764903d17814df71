# psl's NixOS stand-in: fake derivations. A package is an attribute set shaped like a nixpkgs derivation
# (type, name, pname, version, outPath, drvPath, outputs, meta.mainProgram, override, overrideAttrs,
# withPackages, passthru) whose store path is fake but stable. Built files keep their text in `text`.
{ store }:
rec {
  # mkPackage { pname; version ? null; name ? …; text ? null; mainProgram ? pname; outputs ? [ "out" ]; … }
  mkPackage =
    args@{
      pname ? null,
      version ? null,
      name ? (if version == null then pname else "${pname}-${version}"),
      outputs ? [ "out" ],
      text ? null,
      mainProgram ? pname,
      meta ? { },
      passthru ? { },
      ...
    }:
    let
      content = if text == null then "" else text;
      extra = removeAttrs args [
        "pname"
        "version"
        "name"
        "outputs"
        "text"
        "mainProgram"
        "meta"
        "passthru"
      ];
      # One attribute set per output; each has every output, as nixpkgs derivations do.
      outputSet =
        output:
        base
        // {
          outPath = if output == "out" then store.storePath name content else store.storePath "${name}-${output}" content;
          outputName = output;
        };
      base =
        extra
        // passthru
        // {
          type = "derivation";
          inherit name outputs passthru;
          drvPath = store.drvPath name content;
          meta = {
            inherit name;
            description = "";
            platforms = [ ];
            license = { };
          }
          // (if mainProgram == null then { } else { inherit mainProgram; })
          // meta;
          override = f: mkPackage (args // (if builtins.isFunction f then f args else f));
          overrideAttrs =
            f:
            let
              changes = if builtins.isFunction f then (let r = f args; in if builtins.isFunction r then r args else r) else f;
            in
            mkPackage (args // changes);
          overrideDerivation = f: mkPackage (args // f args);
          withPackages = select: mkPackage (args // { name = "${name}-with-packages"; });
        }
        // (if pname == null then { } else { inherit pname; })
        // (if version == null then { } else { inherit version; })
        // (if text == null then { } else { inherit text; })
        // builtins.listToAttrs (
          map (o: {
            name = o;
            value = outputSet o;
          }) outputs
        );
    in
    outputSet "out";
}
