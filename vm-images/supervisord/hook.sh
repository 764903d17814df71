# supervisord keeps its logs under /var/log/supervisor; make sure the directories exist.
mkdir -p /var/log/supervisor /etc/supervisor/conf.d
