# tagih: tenants clear again as of 2026-11-30. Addresses come off the address list "isolir",
# PPPoE users have their secret enabled. Import: /import file-name=reconnect.rsc
/ip firewall address-list remove [/ip firewall address-list find where list="isolir" and address="10.20.0.14-10.20.0.15"]
