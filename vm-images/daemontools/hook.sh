# Directories for daemontools: the scanned directory and the service definitions it links to.
mkdir -p /etc/service /etc/sv
