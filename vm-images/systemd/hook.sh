# Container tweaks for systemd: no gettys, no units that need hardware or the kernel's consent.
systemctl mask getty.target console-getty.service systemd-udevd.service systemd-udev-trigger.service \
  systemd-modules-load.service sys-kernel-config.mount sys-kernel-debug.mount systemd-remount-fs.service \
  e2scrub_reap.service e2scrub_all.timer apt-daily.timer apt-daily-upgrade.timer systemd-tmpfiles-clean.timer \
  systemd-hwdb-update.service systemd-firstboot.service 2>/dev/null || true
systemctl set-default multi-user.target
