# Example NixOS-style module (written for psl): a oneshot that prepares a database directory in `preStart`
# and runs a migration as its `script`, staying "active" afterwards so that other units can order after it.
{
  config,
  lib,
  pkgs,
  ...
}:
let
  cfg = config.services.schema-migrate;
in
{
  options.services.schema-migrate = {
    enable = lib.mkEnableOption "database schema migrations at boot";
    dataDir = lib.mkOption {
      type = lib.types.path;
      default = "/var/lib/schema";
      description = "Where the database lives.";
    };
  };

  config = lib.mkIf cfg.enable {
    systemd.services.schema-migrate = {
      description = "Apply database schema migrations";
      wantedBy = [ "multi-user.target" ];
      before = [ "multi-user.target" ];
      path = [ pkgs.sqlite ];
      preStart = ''
        mkdir -p ${cfg.dataDir}
        test -f ${cfg.dataDir}/db.sqlite || touch ${cfg.dataDir}/db.sqlite
      '';
      script = ''
        sqlite3 ${cfg.dataDir}/db.sqlite 'PRAGMA user_version = 3;'
      '';
      serviceConfig = {
        Type = "oneshot";
        RemainAfterExit = true;
      };
    };
  };
}
