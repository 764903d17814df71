# psl's NixOS declarations: the options of an entry of systemd.services / sockets / timers / targets / paths /
# slices, with NixOS's types and defaults (see ../../../../shared/data/nixos-service-options.tsv), and the
# service's own lowering of script/preStart/postStart/reload/preStop/postStop into job scripts and Exec*
# directives (preStart and postStart as lists, the others as single commands).
{ lib, systemdLib }:
let
  inherit (lib) mkOption mkIf mkMerge types;
  inherit (systemdLib) unitNameType unitOption makeJobScript checkService;
  units = mkOption {
    default = [ ];
    type = types.listOf unitNameType;
  };
  section = mkOption {
    default = { };
    type = types.attrsOf unitOption;
  };
in
rec {
  # Options every unit kind has.
  sharedOptions = {
    enable = mkOption {
      default = true;
      type = types.bool;
    };
    name = mkOption { type = types.str; };
    overrideStrategy = mkOption {
      default = "asDropinIfExists";
      type = types.enum [
        "asDropinIfExists"
        "asDropin"
      ];
    };
    requiredBy = units;
    upheldBy = units;
    wantedBy = units;
    aliases = units;
  };

  commonUnitOptions = {
    options = sharedOptions // {
      description = mkOption {
        default = "";
        type = types.singleLineStr;
      };
      documentation = mkOption {
        default = [ ];
        type = types.listOf types.str;
      };
      requires = units;
      wants = units;
      upholds = units;
      after = units;
      before = units;
      bindsTo = units;
      partOf = units;
      conflicts = units;
      requisite = units;
      unitConfig = section;
      onFailure = units;
      onSuccess = units;
      startLimitBurst = mkOption { type = types.int; };
      startLimitIntervalSec = mkOption { type = types.int; };
    };
  };

  stage2CommonUnitOptions = {
    imports = [ commonUnitOptions ];
    options = {
      restartTriggers = mkOption {
        default = [ ];
        type = types.listOf types.unspecified;
      };
      reloadTriggers = mkOption {
        default = [ ];
        type = types.listOf unitOption;
      };
    };
  };

  # One job script per non-empty hook, and the directive that runs it.
  hook =
    {
      name,
      config,
      option,
      suffix,
      directive,
      list,
    }:
    mkIf (config.${option} != "") (
      let
        script = makeJobScript {
          name = "${name}-${suffix}";
          text = config.${option};
          inherit (config) enableStrictShellChecks;
        };
      in
      {
        jobScripts = script;
        serviceConfig.${directive} =
          if list then
            [ script ]
          else if option == "script" then
            script + " " + config.scriptArgs
          else
            script;
      }
    );

  serviceOptions =
    { name, config, ... }:
    let
      lines = mkOption {
        type = types.lines;
        default = "";
      };
      on =
        option: suffix: directive: list:
        hook {
          inherit
            name
            config
            option
            suffix
            directive
            list
            ;
        };
    in
    {
      options = {
        environment = mkOption {
          default = { };
          type = types.attrsOf (
            types.nullOr (
              types.oneOf [
                types.str
                types.path
                types.package
              ]
            )
          );
        };
        path = mkOption {
          default = [ ];
          type = types.listOf (
            types.oneOf [
              types.package
              types.str
            ]
          );
        };
        enableDefaultPath = mkOption {
          default = true;
          type = types.bool;
        };
        serviceConfig = mkOption {
          default = { };
          type = types.addCheck (types.attrsOf unitOption) checkService;
        };
        enableStrictShellChecks = mkOption { type = types.bool; };
        script = lines;
        scriptArgs = mkOption {
          type = types.str;
          default = "";
        };
        preStart = lines;
        postStart = lines;
        reload = lines;
        preStop = lines;
        postStop = lines;
        jobScripts = mkOption {
          type = types.coercedTo types.path lib.singleton (types.listOf types.path);
          internal = true;
          default = [ ];
        };
      };
      config = mkMerge [
        (on "preStart" "pre-start" "ExecStartPre" true)
        (on "script" "start" "ExecStart" false)
        (on "postStart" "post-start" "ExecStartPost" true)
        (on "reload" "reload" "ExecReload" false)
        (on "preStop" "pre-stop" "ExecStop" false)
        (on "postStop" "post-stop" "ExecStopPost" false)
      ];
    };

  stage2ServiceOptions = {
    imports = [
      stage2CommonUnitOptions
      serviceOptions
    ];
    options = {
      restartIfChanged = mkOption {
        type = types.bool;
        default = true;
      };
      reloadIfChanged = mkOption {
        type = types.bool;
        default = false;
      };
      stopIfChanged = mkOption {
        type = types.bool;
        default = true;
      };
      notSocketActivated = mkOption {
        type = types.bool;
        default = false;
      };
      startAt = mkOption {
        type = types.either types.str (types.listOf types.str);
        default = [ ];
        apply = v: if builtins.isList v then v else [ v ];
      };
    };
  };

  stage2SocketOptions = {
    imports = [ stage2CommonUnitOptions ];
    options = {
      listenStreams = mkOption {
        default = [ ];
        type = types.listOf (types.coercedTo types.port toString types.str);
      };
      listenDatagrams = mkOption {
        default = [ ];
        type = types.listOf types.str;
      };
      socketConfig = section;
    };
  };

  stage2TimerOptions = {
    imports = [ stage2CommonUnitOptions ];
    options.timerConfig = section;
  };

  stage2PathOptions = {
    imports = [ stage2CommonUnitOptions ];
    options.pathConfig = section;
  };

  stage2SliceOptions = {
    imports = [ stage2CommonUnitOptions ];
    options.sliceConfig = section;
  };
}
