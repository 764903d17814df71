# psl's bundled Nix lib: the entry point (`import ./lib` gives `lib`). Assembles the namespaces written for
# psl (trivial, lists, strings, attrsets, options, modules, types, generators, cli, versions, meta, asserts,
# fixedPoints, debug) and lifts names to the top level as nixpkgs' lib does. Every other public name of
# nixpkgs' lib (known-names.nix) is present but throws an error that names it.
let
  known = import ./known-names.nix;
  inherit (import ./missing.nix { inherit known; }) complete message;

  build =
    lib:
    let
      call = file: import file { inherit lib; };
      trivial = call ./trivial.nix;
      misc = call ./misc.nix;
      basicTypes = call ./types-basic.nix;
      namespaces = {
        inherit trivial;
        lists = call ./lists.nix;
        strings = call ./strings.nix;
        attrsets = call ./attrsets.nix;
        options = call ./options.nix;
        modules =
          call ./properties.nix
          // call ./modules-collect.nix
          // call ./modules.nix
          // call ./renamed-options.nix
          // {
            inherit (trivial) importJSON importTOML;
          };
        types =
          call ./types-core.nix
          // basicTypes
          // call ./types-compound.nix
          // call ./types-submodule.nix
          // {
            ints = complete "types.ints." basicTypes.ints known.ints;
          };
        generators = call ./generators.nix;
        cli = call ./cli.nix;
        versions = call ./versions.nix;
        meta = call ./meta.nix;
        asserts = call ./asserts.nix;
        inherit (misc) fixedPoints debug;
        deps = call ./deps.nix;
        customisation = { };
      };
      completed = builtins.mapAttrs (ns: set: complete "${ns}." set known.${ns} or [ ]) (
        removeAttrs namespaces [ "deps" ]
      );
      # Where a top-level name comes from, in this order (as nixpkgs' lib/default.nix lifts them).
      order = [
        "trivial"
        "fixedPoints"
        "attrsets"
        "lists"
        "strings"
        "options"
        "modules"
        "types"
        "meta"
        "asserts"
        "debug"
        "versions"
        "deps"
      ];
      # Names several namespaces have, lifted from the one nixpkgs lifts them from.
      pinned = {
        hasPrefix = "strings";
        removePrefix = "strings";
      };
      lookup =
        name:
        let
          found = if pinned ? ${name} then [ pinned.${name} ] else builtins.filter (ns: namespaces.${ns} ? ${name}) order;
        in
        if found != [ ] then
          namespaces.${builtins.head found}.${name}
        else if builtins ? ${name} then
          builtins.${name}
        else
          throw (message name);
      top = builtins.listToAttrs (
        map (name: {
          inherit name;
          value = lookup name;
        }) known.top
      );
    in
    top
    // completed
    // {
      # Data sets modules refer to in `meta` (never evaluated by psl).
      maintainers = { };
      teams = { };
      licenses = { };
    };

  lib = build lib;
in
lib
