# Example NixOS-style module (written for psl): a network daemon whose configuration file is generated with
# pkgs.formats.ini from a freeform `settings` option and linked into /etc, like many nixpkgs modules do.
{
  config,
  lib,
  pkgs,
  ...
}:
let
  cfg = config.services.inidaemon;
  format = pkgs.formats.ini { };
  configFile = format.generate "inidaemon.ini" cfg.settings;
in
{
  options.services.inidaemon = {
    enable = lib.mkEnableOption "the inidaemon network daemon";
    package = lib.mkPackageOption pkgs "inidaemon" { };
    openFirewall = lib.mkOption {
      type = lib.types.bool;
      default = false;
      description = "Whether to open the listening port in the firewall.";
    };
    settings = lib.mkOption {
      type = lib.types.submodule {
        freeformType = format.type;
        options.server.port = lib.mkOption {
          type = lib.types.port;
          default = 7070;
          description = "Port to listen on.";
        };
      };
      default = { };
      description = "inidaemon.ini contents.";
    };
  };

  config = lib.mkIf cfg.enable {
    environment.etc."inidaemon/inidaemon.ini".source = configFile;

    users.users.inidaemon = {
      isSystemUser = true;
      group = "inidaemon";
      home = "/var/lib/inidaemon";
    };
    users.groups.inidaemon = { };

    systemd.services.inidaemon = {
      description = "inidaemon network daemon";
      wantedBy = [ "multi-user.target" ];
      after = [ "network.target" ];
      restartTriggers = [ configFile ];
      serviceConfig = {
        ExecStart = "${lib.getExe cfg.package} --config /etc/inidaemon/inidaemon.ini";
        ExecReload = "${pkgs.coreutils}/bin/kill -HUP $MAINPID";
        User = "inidaemon";
        Group = "inidaemon";
        Restart = "on-failure";
        RestartSec = 5;
        StateDirectory = "inidaemon";
      };
    };

    networking.firewall.allowedTCPPorts = lib.mkIf cfg.openFirewall [ cfg.settings.server.port ];
  };
}
