# Example NixOS-style module (written for psl): a backup job started by a timer through `startAt`, with the
# tools it needs on PATH through `path`.
{
  config,
  lib,
  pkgs,
  ...
}:
let
  cfg = config.services.nightly-backup;
in
{
  options.services.nightly-backup = {
    enable = lib.mkEnableOption "nightly backups";
    paths = lib.mkOption {
      type = lib.types.listOf lib.types.str;
      default = [ "/var/lib" ];
      description = "Directories to back up.";
    };
    startAt = lib.mkOption {
      type = lib.types.either lib.types.str (lib.types.listOf lib.types.str);
      default = "*-*-* 02:30:00";
      description = "When to run (systemd calendar events).";
    };
  };

  config = lib.mkIf cfg.enable {
    systemd.services.nightly-backup = {
      description = "Nightly backup";
      inherit (cfg) startAt;
      path = [
        pkgs.gnutar
        pkgs.gzip
      ];
      script = ''
        out=/var/backups/backup-$(date +%F).tar.gz
        tar czf "$out" ${lib.escapeShellArgs cfg.paths}
      '';
      serviceConfig = {
        Type = "oneshot";
        Nice = 10;
        IOSchedulingClass = "idle";
      };
    };
    systemd.tmpfiles.rules = [ "d /var/backups 0700 root root -" ];
  };
}
