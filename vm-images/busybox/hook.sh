# A Buildroot-style inittab for BusyBox init: rcS starts S??* scripts in order, rcK stops them in reverse.
mkdir -p /etc/init.d
printf '::sysinit:/etc/init.d/rcS\n::wait:/bin/touch /run/init.ready\n::shutdown:/etc/init.d/rcK\n' > /etc/inittab
printf '#!/bin/sh\nfor s in /etc/init.d/S??*; do [ -x "$s" ] && "$s" start; done\nexit 0\n' > /etc/init.d/rcS
printf '#!/bin/sh\nfor s in $(ls -r /etc/init.d/S??* 2>/dev/null); do [ -x "$s" ] && "$s" stop; done\nexit 0\n' > /etc/init.d/rcK
chmod +x /etc/init.d/rcS /etc/init.d/rcK
