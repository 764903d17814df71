# psl's bundled Nix lib: module-valued option types. `submoduleWith` evaluates each value as its own
# evalModules (one per attribute of an attrsOf, with `name` set to the attribute), so options inside merge
# across modules; `deferredModule` keeps definitions as modules for a later evaluation.
{ lib }:
let
  inherit (lib.types) mkOptionType;
  inherit (builtins) isAttrs isFunction;
  isModuleValue = x: isAttrs x || isFunction x || lib.types.path.check x;
in
rec {
  submoduleWith =
    {
      modules,
      specialArgs ? { },
      shorthandOnlyDefinesConfig ? false,
      description ? null,
      class ? null,
    }@attrs:
    let
      # Definitions become modules: a plain attribute set is config when shorthandOnlyDefinesConfig is set.
      defsAsModules = map (
        { value, file, ... }:
        if isAttrs value && shorthandOnlyDefinesConfig then
          {
            _file = file;
            config = value;
          }
        else
          {
            _file = file;
            imports = [ value ];
          }
      );
      evalWith =
        extraModules: prefix:
        lib.evalModules {
          inherit class specialArgs prefix;
          modules = modules ++ extraModules;
        };
      base = evalWith [ { _module.args.name = lib.mkOptionDefault "‹name›"; } ] [ ];
      freeformType = base._module.freeformType;
      name = "submodule";
    in
    mkOptionType {
      inherit name;
      description = if description != null then description else freeformType.description or name;
      check = isModuleValue;
      merge =
        loc: defs:
        (evalWith ([ { _module.args.name = lib.last loc; } ] ++ defsAsModules defs) loc).config;
      emptyValue = {
        value = { };
      };
      getSubOptions = prefix: (evalWith [ { _module.args.name = lib.mkOptionDefault "‹name›"; } ] prefix).options;
      getSubModules = modules;
      substSubModules = m: submoduleWith (attrs // { modules = m; });
      nestedTypes = { };
      functor = (lib.types.defaultFunctor name) // {
        type = lib.types.submoduleWith;
        payload = {
          inherit
            modules
            class
            specialArgs
            shorthandOnlyDefinesConfig
            description
            ;
        };
        binOp = lhs: rhs: {
          class =
            if lhs.class == null then
              rhs.class
            else if rhs.class == null || lhs.class == rhs.class then
              lhs.class
            else
              throw "A submoduleWith option is declared multiple times with conflicting class values \"${toString lhs.class}\" and \"${toString rhs.class}\".";
          modules = lhs.modules ++ rhs.modules;
          specialArgs =
            let
              common = builtins.intersectAttrs lhs.specialArgs rhs.specialArgs;
            in
            if common == { } then
              lhs.specialArgs // rhs.specialArgs
            else
              throw "A submoduleWith option is declared multiple times with the same specialArgs \"${toString (builtins.attrNames common)}\"";
          shorthandOnlyDefinesConfig =
            if lhs.shorthandOnlyDefinesConfig == null then
              rhs.shorthandOnlyDefinesConfig
            else if rhs.shorthandOnlyDefinesConfig == null then
              lhs.shorthandOnlyDefinesConfig
            else if lhs.shorthandOnlyDefinesConfig == rhs.shorthandOnlyDefinesConfig then
              lhs.shorthandOnlyDefinesConfig
            else
              throw "A submoduleWith option is declared multiple times with conflicting shorthandOnlyDefinesConfig values";
          description =
            if lhs.description == null then
              rhs.description
            else if rhs.description == null || lhs.description == rhs.description then
              lhs.description
            else
              throw "A submoduleWith option is declared multiple times with conflicting descriptions";
        };
      };
    };

  submodule =
    modules:
    submoduleWith {
      shorthandOnlyDefinesConfig = true;
      modules = lib.toList modules;
    };

  deferredModuleWith =
    attrs@{
      staticModules ? [ ],
    }:
    mkOptionType {
      name = "deferredModule";
      description = "module";
      descriptionClass = "noun";
      check = isModuleValue;
      merge = loc: defs: {
        imports =
          staticModules
          ++ map (
            def: lib.setDefaultModuleLocation "${def.file}, via option ${lib.showOption loc}" def.value
          ) defs;
      };
      inherit (submoduleWith { modules = staticModules; }) getSubOptions;
      getSubModules = staticModules;
      substSubModules = m: deferredModuleWith (attrs // { staticModules = m; });
      functor = (lib.types.defaultFunctor "deferredModuleWith") // {
        type = lib.types.deferredModuleWith;
        payload = { inherit staticModules; };
        binOp = lhs: rhs: { staticModules = lhs.staticModules ++ rhs.staticModules; };
      };
    };
  deferredModule = deferredModuleWith { };
}
