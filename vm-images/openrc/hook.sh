# Container tweaks for OpenRC: no gettys, a ready marker, rc_sys=docker, and no sysinit scripts that
# need privileges a container lacks.
sed -i -E 's/^([1-6]):/#\1:/' /etc/inittab
echo 'rdy:2345:wait:/bin/touch /run/init.ready' >> /etc/inittab
sed -i -E 's/^#?rc_sys=.*/rc_sys="docker"/' /etc/rc.conf
grep -q '^rc_sys=' /etc/rc.conf || echo 'rc_sys="docker"' >> /etc/rc.conf
for s in hostname.sh checkroot.sh checkfs.sh checkroot-bootclean.sh mountall.sh mountall-bootclean.sh \
  hwclock.sh procps brightness mountnfs.sh mountnfs-bootclean.sh; do
  rc-update del "$s" sysinit 2>/dev/null || true
done
rc-update del bootlogs default 2>/dev/null || true
