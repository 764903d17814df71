# psl's isolation data: options of the rest of NixOS that service modules commonly READ, with NixOS's types
# and defaults, so that a module evaluated alone sees what it would see on a default NixOS system. An entry is
# left out when the module under translation declares that option itself. Entries: { path; type; default; }.
{ lib, pkgs }:
let
  t = lib.types;
  entry = path: type: default: { inherit path type default; };
  on = path: entry path t.bool true;
  off = path: entry path t.bool false;
  # NixOS's static uid/gid table (nixos/modules/misc/ids.nix), its commonly used entries.
  gids = {
    root = 0;
    wheel = 1;
    kmem = 2;
    tty = 3;
    messagebus = 4;
    haldaemon = 5;
    ftp = 8;
    floppy = 18;
    uucp = 19;
    lp = 20;
    proc = 21;
    tape = 25;
    video = 26;
    utmp = 29;
    tor = 35;
    git = 41;
    wwwrun = 54;
    networkmanager = 57;
    nginx = 60;
    systemd-journal = 62;
    transmission = 70;
    postgres = 71;
    mysql = 84;
    jackett = 276;
    keys = 96;
    users = 100;
    systemd-network = 152;
    systemd-resolve = 153;
    systemd-timesync = 154;
    input = 174;
    syncthing = 237;
    prometheus = 255;
    kvm = 302;
    leaps = 260;
    render = 303;
    sgx = 304;
    shadow = 318;
    nixbld = 30000;
    nogroup = 65534;
  };
  uids = {
    root = 0;
    messagebus = 4;
    haldaemon = 5;
    ftp = 8;
    nagios = 11;
    atd = 12;
    dovecot = 15;
    tor = 35;
    cups = 36;
    git = 41;
    mpd = 50;
    clamav = 51;
    wwwrun = 54;
    nginx = 60;
    chrony = 61;
    transmission = 70;
    postgres = 71;
    mysql = 84;
    elasticsearch = 92;
    munin = 102;
    couchdb = 106;
    jackett = 276;
    jenkins = 109;
    leaps = 260;
    murmur = 117;
    hydra = 122;
    influxdb = 125;
    nsd = 126;
    gitolite = 127;
    systemd-network = 152;
    systemd-resolve = 153;
    systemd-timesync = 154;
    gitlab = 165;
    grafana = 196;
    matrix-synapse = 224;
    syncthing = 237;
    caddy = 239;
    mosquitto = 246;
    prometheus = 255;
    minio = 280;
    nixbld = 30000;
    nobody = 65534;
  };
in
[
  (entry [ "networking" "hostName" ] t.str "nixos")
  (entry [ "networking" "domain" ] (t.nullOr t.str) null)
  (entry [ "networking" "nameservers" ] (t.listOf t.str) [ ])
  (entry [ "networking" "proxy" "envVars" ] (t.attrsOf t.str) { })
  (on [ "networking" "enableIPv6" ])
  (on [ "networking" "firewall" "enable" ])
  (off [ "networking" "networkmanager" "enable" ])
  (off [ "networking" "useNetworkd" ])
  (entry [ "system" "stateVersion" ] t.str lib.trivial.release)
  (entry [ "time" "timeZone" ] (t.nullOr t.str) null)
  (entry [ "i18n" "defaultLocale" ] t.str "en_US.UTF-8")
  (entry [ "ids" "uids" ] (t.attrsOf t.int) uids)
  (entry [ "ids" "gids" ] (t.attrsOf t.int) gids)
  (on [ "documentation" "enable" ])
  (on [ "documentation" "man" "enable" ])
  (on [ "documentation" "doc" "enable" ])
  (on [ "documentation" "info" "enable" ])
  (on [ "documentation" "nixos" "enable" ])
  (off [ "boot" "isContainer" ])
  (entry [ "security" "wrapperDir" ] t.path "/run/wrappers/bin")
  (off [ "security" "polkit" "enable" ])
  (off [ "security" "apparmor" "enable" ])
  (entry [ "nix" "package" ] t.package pkgs.nix)
  (on [ "nix" "enable" ])
  (on [ "services" "dbus" "enable" ])
  (off [ "services" "openssh" "enable" ])
  (off [ "services" "nginx" "enable" ])
  (entry [ "services" "nginx" "user" ] t.str "nginx")
  (entry [ "services" "nginx" "group" ] t.str "nginx")
  (off [ "services" "httpd" "enable" ])
  (off [ "services" "caddy" "enable" ])
  (off [ "services" "postgresql" "enable" ])
  (entry [ "services" "postgresql" "package" ] t.package pkgs.postgresql)
  (off [ "services" "mysql" "enable" ])
  (off [ "services" "redis" "enable" ])
  (off [ "services" "resolved" "enable" ])
  (off [ "services" "xserver" "enable" ])
  (off [ "services" "prometheus" "enable" ])
  (off [ "virtualisation" "docker" "enable" ])
  (off [ "virtualisation" "podman" "enable" ])
  (off [ "systemd" "network" "enable" ])
]
