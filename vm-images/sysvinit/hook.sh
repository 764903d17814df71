# Container tweaks for sysvinit: no gettys; mark the end of runlevel 2.
sed -i -E 's/^([1-6]):/#\1:/' /etc/inittab
echo 'rdy:2345:wait:/bin/touch /run/init.ready' >> /etc/inittab
