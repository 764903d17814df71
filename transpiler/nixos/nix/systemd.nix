# psl's NixOS declarations: the systemd.* options a service module sets (services, sockets, timers, targets,
# paths, slices, packages, defaultPath, globalEnvironment, …) with NixOS's types and defaults, and what NixOS
# derives from them: a timer for each enabled service with `startAt`, and NixOS's systemd warnings and
# assertions about services.
{
  config,
  lib,
  pkgs,
  ...
}:
let
  inherit (lib) mkOption types;
  cfg = config.systemd;
  systemdLib = import ./systemd-lib.nix { inherit lib pkgs; };
  unitOptions = import ./systemd-unit-options.nix { inherit lib systemdLib; };
  unitsOf =
    modules:
    mkOption {
      default = { };
      type = types.attrsOf (types.submodule modules);
    };
  named = systemdLib.namedUnit;
in
{
  options.systemd = {
    package = lib.mkPackageOption pkgs "systemd" { };
    enableStrictShellChecks = lib.mkEnableOption "running shellcheck on the generated scripts for systemd units";
    services = unitsOf [
      unitOptions.stage2ServiceOptions
      systemdLib.unitConfig
      (systemdLib.stage2ServiceConfig cfg)
    ];
    sockets = unitsOf [
      unitOptions.stage2SocketOptions
      systemdLib.unitConfig
      (named "socket")
    ];
    timers = unitsOf [
      unitOptions.stage2TimerOptions
      systemdLib.unitConfig
      (named "timer")
    ];
    targets = unitsOf [
      unitOptions.stage2CommonUnitOptions
      systemdLib.unitConfig
      (named "target")
    ];
    paths = unitsOf [
      unitOptions.stage2PathOptions
      systemdLib.unitConfig
      (named "path")
    ];
    slices = unitsOf [
      unitOptions.stage2SliceOptions
      systemdLib.unitConfig
      (named "slice")
    ];
    packages = mkOption {
      default = [ ];
      type = types.listOf types.package;
    };
    defaultPath = mkOption {
      type = types.listOf types.package;
      default = [
        pkgs.coreutils
        pkgs.findutils
        pkgs.gnugrep
        pkgs.gnused
        cfg.package
      ];
    };
    globalEnvironment = mkOption {
      type = types.attrsOf (
        types.nullOr (
          types.oneOf [
            types.str
            types.path
            types.package
          ]
        )
      );
      default = { };
    };
    additionalUpstreamSystemUnits = mkOption {
      default = [ ];
      type = types.listOf types.str;
    };
  };

  config = {
    # NixOS: every enabled service with a non-empty startAt gets a timer of the same name.
    systemd.timers = lib.mapAttrs (name: service: {
      wantedBy = [ "timers.target" ];
      timerConfig.OnCalendar = service.startAt;
    }) (lib.filterAttrs (name: service: service.enable && service.startAt != [ ]) cfg.services);

    warnings =
      let
        netOnline =
          kind: name: def:
          lib.optional (
            builtins.elem "network-online.target" def.after
            && !(builtins.elem "network-online.target" (def.wants ++ def.requires ++ def.bindsTo))
          ) "${name}.${kind} is ordered after 'network-online.target' but doesn't depend on it";
        each = kind: defs: lib.concatLists (lib.mapAttrsToList (netOnline kind) defs);
      in
      lib.concatLists (
        lib.mapAttrsToList (
          name: service:
          let
            type = service.serviceConfig.Type or "";
            restart = service.serviceConfig.Restart or "no";
          in
          lib.optional (
            type == "oneshot" && (restart == "always" || restart == "on-success")
          ) "Service '${name}.service' with 'Type=oneshot' cannot have 'Restart=always' or 'Restart=on-success'"
          ++ lib.optional (builtins.hasAttr "StartLimitInterval" service.serviceConfig) "Service '${name}.service' uses the attribute 'StartLimitInterval' in the Service section, which is deprecated. See https://github.com/NixOS/nixpkgs/issues/45786."
          ++ lib.optional (
            service.reloadIfChanged && service.reloadTriggers != [ ]
          ) "Service '${name}.service' has both 'reloadIfChanged' and 'reloadTriggers' set. This is probably not what you want, because 'reloadTriggers' behave the same whay as 'restartTriggers' if 'reloadIfChanged' is set."
        ) cfg.services
      )
      ++ each "target" cfg.targets
      ++ each "service" cfg.services
      ++ each "socket" cfg.sockets
      ++ each "timer" cfg.timers
      ++ each "path" cfg.paths
      ++ each "slice" cfg.slices;

    assertions = lib.concatLists (
      lib.mapAttrsToList (
        name: service:
        lib.optional (
          builtins.elem "network-interfaces.target" service.after || builtins.elem "network-interfaces.target" service.wants
        ) {
          assertion = false;
          message = "Service '${name}.service' is using the deprecated target network-interfaces.target, which no longer exists. Using network.target is recommended instead.";
        }
      ) cfg.services
    );
  };
}
