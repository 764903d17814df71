# VM tweaks for sysvinit: a root console, and an inittab line that prints the ready marker after rc 2.
echo psl-vm > /etc/hostname
passwd -d root
echo '/dev/vda / ext4 rw 0 1' > /etc/fstab
sed -i -E 's/^([2-6]):/#\1:/' /etc/inittab
echo 'rdy:2345:wait:/bin/sh -c "echo PSL-VM-READY $(cut -d\" \" -f1 /proc/uptime) > /dev/ttyS0"' >> /etc/inittab
update-rc.d qemu-guest-agent defaults 2>/dev/null || true
