# psl's wiring of NixOS's OWN declaration files, for the differential test against psl's declarations:
#   import ./nixos-declarations.nix { nixos = <nixpkgs>/nixos; }  ->  a list like declarations.nix
# systemd units come from nixos/lib/systemd-{lib,unit-options,types}.nix, put together as NixOS's utils.nix
# and systemd.nix do (the unit options, the startAt timers); environment.etc from
# nixos/modules/system/etc/etc.nix when present. tmpfiles, users/groups and the warnings stay psl's.
{ nixos }:
let
  systemdModule =
    {
      config,
      lib,
      pkgs,
      ...
    }:
    let
      inherit (lib) mkOption types;
      cfg = config.systemd;
      utils = import ./utils.nix { inherit lib pkgs; } // {
        inherit systemdUtils;
      };
      systemdUtils = {
        lib = import (nixos + "/lib/systemd-lib.nix") {
          inherit
            config
            lib
            pkgs
            utils
            ;
        };
        unitOptions = import (nixos + "/lib/systemd-unit-options.nix") { inherit lib systemdUtils; };
        types = import (nixos + "/lib/systemd-types.nix") { inherit lib systemdUtils pkgs; };
      };
      units =
        type:
        mkOption {
          default = { };
          inherit type;
        };
    in
    {
      options.systemd = {
        package = lib.mkPackageOption pkgs "systemd" { };
        enableStrictShellChecks = lib.mkEnableOption "";
        services = units systemdUtils.types.services;
        sockets = units systemdUtils.types.sockets;
        timers = units systemdUtils.types.timers;
        targets = units systemdUtils.types.targets;
        paths = units systemdUtils.types.paths;
        slices = units systemdUtils.types.slices;
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
      # As NixOS's systemd.nix: a timer for each enabled service with startAt.
      config.systemd.timers = lib.mapAttrs (name: service: {
        wantedBy = [ "timers.target" ];
        timerConfig.OnCalendar = service.startAt;
      }) (lib.filterAttrs (name: service: service.enable && service.startAt != [ ]) cfg.services);
    };
  etc = nixos + "/modules/system/etc/etc.nix";
in
[
  systemdModule
  ./systemd-checks.nix
  ./tmpfiles.nix
  ./users-groups.nix
  (if builtins.pathExists etc then etc else ./etc.nix)
]
