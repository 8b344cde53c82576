# tagih: tenants clear again as of 2026-11-30. Addresses come off the address list "isolir",
# PPPoE users have their secret enabled. Import: /import file-name=reconnect.rsc
