# psl's NixOS stand-in: the package names the fixed stub pkgs offers when real Nix evaluates (psl's own
# evaluator makes any name exist on demand), with the versions it gives them. Everything else is "1.0".
{
  versions = {
    bash = "5.2p37";
    coreutils = "9.5";
    findutils = "4.10.0";
    gnugrep = "3.11";
    gnused = "4.9";
    gawk = "5.3.1";
    systemd = "257.5";
    util-linux = "2.40.4";
    shadow = "4.16.0";
    openssl = "3.3.3";
    openssh = "9.9p2";
    postgresql = "16.8";
    nginx = "1.26.3";
    redis = "7.2.7";
    python3 = "3.12.9";
    nodejs = "22.14.0";
    curl = "8.12.1";
  };
  names = [
    "bash"
    "bashInteractive"
    "coreutils"
    "findutils"
    "gnugrep"
    "gnused"
    "gawk"
    "gnutar"
    "gzip"
    "xz"
    "zstd"
    "systemd"
    "util-linux"
    "shadow"
    "su"
    "sudo"
    "procps"
    "iproute2"
    "iptables"
    "nftables"
    "kmod"
    "openssl"
    "openssh"
    "curl"
    "wget"
    "jq"
    "git"
    "rsync"
    "gnupg"
    "cacert"
    "tzdata"
    "glibc"
    "glibcLocales"
    "dash"
    "busybox"
    "python3"
    "perl"
    "nodejs"
    "ruby"
    "php"
    "nginx"
    "caddy"
    "haproxy"
    "postgresql"
    "mariadb"
    "redis"
    "memcached"
    "sqlite"
    "dnsmasq"
    "unbound"
    "bind"
    "chrony"
    "ntp"
    "avahi"
    "dbus"
    "polkit"
    "cron"
    "logrotate"
    "rsyslog"
    "prometheus"
    "grafana"
    "node-exporter"
    "restic"
    "borgbackup"
    "nix"
  ];
}
