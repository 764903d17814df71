# VM tweaks for sysvinit: loopback up (no ifupdown in the image), and an inittab line that prints the
# ready marker after rc 2.
echo psl-vm > /etc/hostname
passwd -d root
echo '/dev/vda / ext4 rw 0 1' > /etc/fstab
sed -i -E 's/^([2-6]):/#\1:/' /etc/inittab
echo 'lo::sysinit:/bin/ip link set lo up' >> /etc/inittab
cat > /usr/local/sbin/psl-ready <<'SH'
#!/bin/sh
read -r up _ < /proc/uptime
echo "PSL-VM-READY $up" > /dev/ttyS0
SH
chmod 755 /usr/local/sbin/psl-ready
echo 'rdy:2345:wait:/usr/local/sbin/psl-ready' >> /etc/inittab
update-rc.d qemu-guest-agent defaults 2>/dev/null || true
