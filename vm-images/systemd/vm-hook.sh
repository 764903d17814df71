# VM tweaks for systemd: a root console, the guest agent, and a unit that prints the ready marker.
echo psl-vm > /etc/hostname
passwd -d root
echo '/dev/vda / ext4 rw 0 1' > /etc/fstab
systemctl mask e2scrub_reap.service e2scrub_all.timer apt-daily.timer apt-daily-upgrade.timer \
  systemd-tmpfiles-clean.timer getty-static.service 2>/dev/null || true
cat > /etc/systemd/system/psl-ready.service <<'UNIT'
[Unit]
Description=Tell the harness that boot finished
After=multi-user.target qemu-guest-agent.service
[Service]
Type=oneshot
ExecStart=/bin/sh -c 'echo "PSL-VM-READY $(cut -d" " -f1 /proc/uptime)" > /dev/ttyS0'
[Install]
WantedBy=multi-user.target
UNIT
systemctl enable psl-ready.service
systemctl set-default multi-user.target
