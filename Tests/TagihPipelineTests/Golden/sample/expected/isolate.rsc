# tagih: tenants at the last dunning step as of 2026-11-30. Addresses go on the address list "isolir",
# PPPoE users have their secret disabled and their session dropped. Import: /import file-name=isolate.rsc
/ppp secret set [/ppp secret find where name="pppoe-net-003"] disabled=yes
/ppp active remove [/ppp active find where name="pppoe-net-003"]
/ppp secret set [/ppp secret find where name="pppoe-net-005"] disabled=yes
/ppp active remove [/ppp active find where name="pppoe-net-005"]
# not on the router (no service_id): "KLK-003" "SCH-002"
