#!/bin/bash
# Bootstrap of the reference network appliance (run as root at first boot by the user data of
# NetworkApplianceGroup, after it downloaded this script and configuration.json from S3).
# It turns an Amazon Linux 2023 instance into a minimal GENEVE "bump in the wire": IP forwarding on,
# a health-check responder on the target group's port. Replace it with your appliance's installer.
set -euo pipefail
CONFIG="${APPLIANCE_CONFIG:-}"
HEALTH_PORT=80
if [ -n "$CONFIG" ] && [ -f "$CONFIG" ]; then
  HEALTH_PORT=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1])).get('healthCheckPort', 80))" "$CONFIG")
fi

# Forward traffic decapsulated from GENEVE (a vendor appliance does this in its data plane).
sysctl -w net.ipv4.ip_forward=1
echo 'net.ipv4.ip_forward = 1' > /etc/sysctl.d/90-appliance.conf

# Answer the Gateway Load Balancer's TCP health checks.
dnf install -y nginx
sed -i "s/listen       80;/listen       ${HEALTH_PORT};/" /etc/nginx/nginx.conf
systemctl enable --now nginx
