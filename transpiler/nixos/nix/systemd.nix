# psl's NixOS declarations: the systemd.* options a service module sets (services, sockets, timers, targets,
# paths, slices, packages, defaultPath, globalEnvironment, …) with NixOS's types and defaults, and what NixOS
# derives from them: a timer for each enabled service with `startAt`. (NixOS's warnings and assertions about
# units are in systemd-checks.nix.)
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
  };
}
