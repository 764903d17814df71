# psl's bundled Nix lib: modules that rename or remove options (mkRenamedOptionModule, mkRemovedOptionModule,
# mkAliasOptionModule, mkChangedOptionModule, mkMergedOptionModule, doRename), with nixpkgs' behaviour:
# the old path is an option whose definitions are forwarded to the new one, with a warning or assertion.
{ lib }:
let
  inherit (lib)
    mkOption
    mkIf
    mkMerge
    optional
    optionalAttrs
    optionalString
    setAttrByPath
    getAttrFromPath
    attrByPath
    showOption
    showFiles
    ;
in
rec {
  doRename =
    {
      from,
      to,
      visible,
      warn,
      use,
      withPriority ? true,
      condition ? true,
    }:
    { config, options, ... }:
    let
      fromOpt = getAttrFromPath from options;
      toOf = attrByPath to (abort "Renaming error: option `${showOption to}' does not exist.");
      toType =
        let
          opt = attrByPath to { } options;
        in
        opt.type or (lib.types.submodule { });
    in
    {
      options = setAttrByPath from (
        mkOption {
          inherit visible;
          description = "Alias of {option}`${showOption to}`.";
          apply = x: use (toOf config);
        }
        // optionalAttrs (toType != null) { type = toType; }
      );
      config = mkIf condition (mkMerge [
        (optionalAttrs (options ? warnings) {
          warnings = optional (
            warn && fromOpt.isDefined
          ) "The option `${showOption from}' defined in ${showFiles fromOpt.files} has been renamed to `${showOption to}'.";
        })
        (
          if withPriority then
            lib.modules.mkAliasAndWrapDefsWithPriority (setAttrByPath to) fromOpt
          else
            lib.modules.mkAliasAndWrapDefinitions (setAttrByPath to) fromOpt
        )
      ]);
    };

  mkRenamedOptionModule =
    from: to:
    doRename {
      inherit from to;
      visible = false;
      warn = true;
      use = builtins.trace "Obsolete option `${showOption from}' is used. It was renamed to `${showOption to}'.";
    };

  mkRenamedOptionModuleWith =
    {
      from,
      to,
      sinceRelease,
    }:
    doRename {
      inherit from to;
      visible = false;
      warn = true;
      use = x: x;
    };

  mkAliasOptionModule =
    from: to:
    doRename {
      inherit from to;
      visible = true;
      warn = false;
      use = x: x;
    };
  mkAliasOptionModuleMD = mkAliasOptionModule;

  mkRemovedOptionModule =
    optionName: replacementInstructions:
    { options, ... }:
    {
      options = setAttrByPath optionName (mkOption {
        visible = false;
        apply =
          x:
          throw "The option `${showOption optionName}' can no longer be used since it's been removed. ${replacementInstructions}";
      });
      config.assertions =
        let
          opt = getAttrFromPath optionName options;
        in
        [
          {
            assertion = !opt.isDefined;
            message = ''
              The option definition `${showOption optionName}' in ${showFiles opt.files} no longer has any effect; please remove it.
              ${replacementInstructions}
            '';
          }
        ];
    };

  mkMergedOptionModule =
    from: to: mergeFn:
    { config, options, ... }:
    {
      options = builtins.foldl' lib.recursiveUpdate { } (
        map (
          path:
          setAttrByPath path (mkOption {
            visible = false;
            default = "_mkMergedOptionModule";
          })
        ) from
      );
      config = {
        warnings = builtins.filter (x: x != "") (
          map (
            f:
            let
              val = getAttrFromPath f config;
              opt = getAttrFromPath f options;
            in
            optionalString (val != "_mkMergedOptionModule")
              "The option `${showOption f}' defined in ${showFiles opt.files} has been changed to `${showOption to}' that has a different type. Please read `${showOption to}' documentation and update your configuration accordingly."
          ) from
        );
      }
      // setAttrByPath to (
        mkMerge (
          optional (builtins.any (f: (getAttrFromPath f config) != "_mkMergedOptionModule") from) (mergeFn config)
        )
      );
    };

  mkChangedOptionModule =
    from: to: changeFn:
    mkMergedOptionModule [ from ] to changeFn;
}
