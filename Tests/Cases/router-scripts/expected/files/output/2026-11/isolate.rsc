# tagih: tenants at the last dunning step as of 2026-11-30. Addresses go on the address list "isolir",
# PPPoE users have their secret disabled and their session dropped. Import: /import file-name=isolate.rsc
:if ([:len [/ip firewall address-list find where list="isolir" and address="10.20.0.11"]] = 0) do={ /ip firewall address-list add list="isolir" address="10.20.0.11" comment="tagih T1 Budi 2026-11-30" }
/ppp secret set [/ppp secret find where name="pppoe-siti"] disabled=yes
/ppp active remove [/ppp active find where name="pppoe-siti"]
:if ([:len [/ip firewall address-list find where list="isolir" and address="10.20.1.0/29"]] = 0) do={ /ip firewall address-list add list="isolir" address="10.20.1.0/29" comment="tagih T3 Rudi \"Ganteng\" \$HOME [x] C:\\temp\? \E6\9D\8E 2026-11-30" }
# not on the router (no service_id): "T6"
