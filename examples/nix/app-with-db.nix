# Example NixOS-style module (written for psl): two services that depend on each other: the app requires and
# orders after its database, and the database is part of the app (stopping the app stops the database).
{
  config,
  lib,
  pkgs,
  ...
}:
let
  cfg = config.services.notes-app;
in
{
  options.services.notes-app = {
    enable = lib.mkEnableOption "the notes web app and its database";
    port = lib.mkOption {
      type = lib.types.port;
      default = 8080;
      description = "HTTP port of the app.";
    };
  };

  config = lib.mkIf cfg.enable {
    systemd.services.notes-db = {
      description = "Notes database";
      before = [ "notes-app.service" ];
      partOf = [ "notes-app.service" ];
      serviceConfig = {
        ExecStart = "${pkgs.redis}/bin/redis-server --port 6380 --dir /var/lib/notes-db";
        StateDirectory = "notes-db";
        User = "notes";
      };
    };

    systemd.services.notes-app = {
      description = "Notes web app";
      wantedBy = [ "multi-user.target" ];
      requires = [ "notes-db.service" ];
      after = [
        "network.target"
        "notes-db.service"
      ];
      environment = {
        NOTES_PORT = toString cfg.port;
        NOTES_DB = "redis://127.0.0.1:6380";
      };
      serviceConfig = {
        ExecStart = "${pkgs.nodejs}/bin/node /srv/notes/server.js";
        User = "notes";
        Restart = "on-failure";
      };
    };

    users.users.notes = {
      isSystemUser = true;
      group = "notes";
    };
    users.groups.notes = { };
  };
}
