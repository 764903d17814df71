# Container tweaks for runit: no gettys; ctrl-alt-del halts at once instead of sleeping.
rm -f /etc/runit/runsvdir/default/getty-*
printf '#!/bin/sh\ntouch /run/runit.stopit\nchmod 100 /run/runit.stopit\n' > /etc/runit/ctrlaltdel
chmod 755 /etc/runit/ctrlaltdel
mkdir -p /etc/sv
