# Example NixOS-style module (written for psl): a service run with a dynamic user, its state in
# StateDirectory, and systemd's sandboxing options, as nixpkgs' hardened modules set them.
{
  config,
  lib,
  pkgs,
  ...
}:
let
  cfg = config.services.metrics-agent;
in
{
  options.services.metrics-agent = {
    enable = lib.mkEnableOption "the metrics agent";
    package = lib.mkPackageOption pkgs "metrics-agent" { };
    listenAddress = lib.mkOption {
      type = lib.types.str;
      default = "127.0.0.1:9100";
      description = "Address to serve metrics on.";
    };
  };

  config = lib.mkIf cfg.enable {
    systemd.services.metrics-agent = {
      description = "Metrics agent";
      wantedBy = [ "multi-user.target" ];
      after = [ "network.target" ];
      environment.AGENT_STATE = "/var/lib/metrics-agent";
      serviceConfig = {
        ExecStart = "${lib.getExe cfg.package} --listen ${cfg.listenAddress} --state %S/metrics-agent";
        DynamicUser = true;
        StateDirectory = "metrics-agent";
        StateDirectoryMode = "0750";
        CacheDirectory = "metrics-agent";
        CapabilityBoundingSet = "";
        LockPersonality = true;
        MemoryDenyWriteExecute = true;
        NoNewPrivileges = true;
        PrivateDevices = true;
        PrivateTmp = true;
        ProtectClock = true;
        ProtectControlGroups = true;
        ProtectHome = true;
        ProtectHostname = true;
        ProtectKernelLogs = true;
        ProtectKernelModules = true;
        ProtectKernelTunables = true;
        ProtectSystem = "strict";
        RestrictAddressFamilies = [
          "AF_INET"
          "AF_INET6"
          "AF_UNIX"
        ];
        RestrictNamespaces = true;
        RestrictRealtime = true;
        RestrictSUIDSGID = true;
        SystemCallArchitectures = "native";
        SystemCallFilter = [
          "@system-service"
          "~@privileged"
        ];
        UMask = "0077";
      };
    };
  };
}
