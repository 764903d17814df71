# Directories for s6: the scan directory PID 1 watches and the service definitions it links to.
mkdir -p /etc/s6/scan /etc/s6/sv
