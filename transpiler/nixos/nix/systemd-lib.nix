# psl's NixOS declarations: the pieces of NixOS's systemd library that unit options and their lowering use,
# written for psl with NixOS's behaviour: the unit-name type, `unitOption` (lists concatenate, other values
# must agree), the [Service] value checks, job scripts (`script` → a `…/bin/<name>-start` written with
# writeShellScriptBin, starting with `set -e`), and the modules that lower options into unitConfig and
# environment (dependency lists, Description, start limits, restart/reload triggers, PATH).
{ lib, pkgs }:
let
  inherit (lib)
    mkIf
    mkAfter
    mkOptionDefault
    optionalAttrs
    optional
    types
    ;
in
rec {
  shellEscape = s: builtins.replaceStrings [ "\\" ] [ "\\\\" ] s;
  mkPathSafeName = builtins.replaceStrings [ "@" ":" "\\" "[" "]" ] [ "-" "-" "-" "" "" ];

  unitNameType = types.strMatching "[a-zA-Z0-9@%:_.\\\\-]+[.](service|socket|device|mount|automount|swap|target|path|timer|scope|slice)";

  unitOption = lib.mkOptionType {
    name = "systemd option";
    merge =
      loc: defs:
      if builtins.any (def: builtins.isList def.value) defs then
        builtins.concatMap (def: lib.toList def.value) defs
      else
        lib.mergeEqualOption loc defs;
  };

  # A check over a whole [Section] set: each entry of `checks` gives error messages; false (with the
  # messages traced) when there are any. Values may still be wrapped in mkIf/mkOverride here.
  checkUnitConfig =
    group: checks: attrs:
    let
      plain = builtins.mapAttrs (
        _: v: if builtins.elem (v._type or "") [ "override" "if" ] then v.content else v
      ) attrs;
      errors = builtins.concatMap (c: c group plain) checks;
    in
    if errors == [ ] then true else builtins.trace (builtins.concatStringsSep "\n" errors) false;

  assertValueOneOf =
    name: values: group: attr:
    optional (
      attr ? ${name} && !builtins.elem attr.${name} values
    ) "Systemd ${group} field `${name}' cannot have value `${toString attr.${name}}'.";

  checkService = checkUnitConfig "Service" [
    (assertValueOneOf "Type" [ "exec" "simple" "forking" "oneshot" "dbus" "notify" "notify-reload" "idle" ])
    (assertValueOneOf "Restart" [ "no" "on-success" "on-failure" "on-abnormal" "on-abort" "always" ])
  ];

  # The executable of a generated job script: <store path of unit-script-NAME>/bin/NAME.
  makeJobScript =
    {
      name,
      text,
      enableStrictShellChecks,
    }:
    let
      scriptName = builtins.replaceStrings [ "\\" "@" ] [ "-" "_" ] (shellEscape name);
      script =
        if enableStrictShellChecks then
          pkgs.writeShellApplication {
            name = scriptName;
            inherit text;
          }
        else
          pkgs.writeShellScriptBin scriptName ''
            set -e

            ${text}
          '';
    in
    lib.getExe (script.overrideAttrs (_: { name = "unit-script-${scriptName}"; }));

  # A file listing the trigger values, whose store path changes when they do.
  triggersFile =
    kind: name: values:
    "${pkgs.writeText "X-${kind}-Triggers-${name}" (
      toString (map (x: if builtins.isPath x then "${x}" else x) (lib.flatten values))
    )}";

  # Every unit: its options mirrored into [Unit] directives.
  unitConfig =
    {
      config,
      name,
      options,
      ...
    }:
    let
      list = key: value: optionalAttrs (value != [ ]) { ${key} = toString value; };
    in
    {
      config.unitConfig =
        list "Requires" config.requires
        // list "Wants" config.wants
        // list "Upholds" config.upholds
        // list "After" config.after
        // list "Before" config.before
        // list "BindsTo" config.bindsTo
        // list "PartOf" config.partOf
        // list "Conflicts" config.conflicts
        // list "Requisite" config.requisite
        // optionalAttrs (config.description != "") { Description = config.description; }
        // list "Documentation" config.documentation
        // list "OnFailure" config.onFailure
        // list "OnSuccess" config.onSuccess
        // optionalAttrs options.startLimitIntervalSec.isDefined {
          StartLimitIntervalSec = toString config.startLimitIntervalSec;
        }
        // optionalAttrs options.startLimitBurst.isDefined { StartLimitBurst = toString config.startLimitBurst; }
        // optionalAttrs (config ? restartTriggers && config.restartTriggers != [ ]) {
          X-Restart-Triggers = triggersFile "Restart" name config.restartTriggers;
        }
        // optionalAttrs (config ? reloadTriggers && config.reloadTriggers != [ ]) {
          X-Reload-Triggers = triggersFile "Reload" name config.reloadTriggers;
        };
    };

  # Services: the unit name, PATH from `path` (bin directories, then sbin), the strict-shell-check default.
  serviceConfig =
    systemdConfig:
    { name, config, ... }:
    {
      config = {
        name = "${name}.service";
        environment.PATH = mkIf (
          config.path != [ ]
        ) "${lib.makeBinPath config.path}:${lib.makeSearchPathOutput "bin" "sbin" config.path}";
        enableStrictShellChecks = mkOptionDefault systemdConfig.enableStrictShellChecks;
      };
    };

  # Services of the running system also get the default path, after their own.
  stage2ServiceConfig =
    systemdConfig:
    { config, ... }:
    {
      imports = [ (serviceConfig systemdConfig) ];
      config.path = mkIf config.enableDefaultPath (mkAfter systemdConfig.defaultPath);
    };

  namedUnit = suffix: { name, ... }: { config.name = "${name}.${suffix}"; };
}
