/// Indonesia's banks for payouts: 112 three-digit interbank codes with OY!'s names, Xendit's
/// channel codes and the other spellings tenants use.
///
/// Sources, joined on the code:
/// - codes and names: OY! Indonesia, "Disbursement Bank Codes" (api-docs.oyindonesia.com),
///   GitHub oyindonesia/external-api-docs, source/includes/_disbursement_banks.md, commit
///   d4d697b68ac2b8928466b2e03968da1adb8f3c97 (table last edited 2025-08-07); OY!'s Syariah
///   variants (`112S`) and e-wallets are left out.
/// - legal names and Xendit's legacy bank codes (`BCA`, `MANDIRI`, `MANDIRI_SYR`): GitHub
///   vnxx/list-of-banks-in-indoneisa-json, index.json, commit f17c3edb9c6c98d9ea33d42bd81fc412bece42c4
///   (2022; legal names are those of the time, so `Bank Royal Indonesia` is today's BCA Digital:
///   the code stayed with the company).
/// - Flip's codes (`bca`, `bii`, `bsm`): GitHub mul14/gudang-data, bank/big_flip_bank_reference.json,
///   commit c0809b2906716cbb20903c2192b392f007525d84.
/// - Xendit channel codes: Xendit's "Payout Channels" list for /v2/payouts (docs.xendit.co/bank-codes).
///   A bank gets `ID_` + its legacy code when the list has that channel; seven renamed banks get
///   the channel the list names with their old name beside the new (451 `ID_BSI`, 490 `ID_BNC`,
///   501 `ID_BCA_DIGITAL`, 535 `ID_SEABANK`, 542 `ID_JAGO`, 567 `ID_ALLO`, 945 `ID_IBK`). The 11
///   codes with no clear channel (088, 145, 212, 559, 600, 688, 724, 725, 777, 867, 987) have
///   none: a Xendit batch reports them rather than guess.
extension BankDirectory {
    public static let indonesia = BankDirectory(IndonesianBanks.table.compactMap { row in
        BankCode(row.code).map { Bank(code: $0, name: row.name, xenditChannel: row.xendit.map(XenditChannelCode.init), aliases: row.aliases) }
    })
}

enum IndonesianBanks {
    /// (code, OY! name, Xendit channel, other spellings normalised by `BankDirectory.normalise`).
    static let table: [(code: String, name: String, xendit: String?, aliases: [String])] = [
        ("002", "BRI", "ID_BRI", ["BRI", "BANK RAKYAT INDONESIA", "ID BRI"]),
        ("008", "Bank Mandiri", "ID_MANDIRI", ["BANK MANDIRI", "MANDIRI", "ID MANDIRI"]),
        ("009", "Bank Negara Indonesia", "ID_BNI", ["BANK NEGARA INDONESIA", "BNI", "ID BNI"]),
        ("011", "Bank Danamon", "ID_DANAMON", ["BANK DANAMON", "BANK DANAMON INDONESIA", "DANAMON", "ID DANAMON"]),
        ("013", "Bank Permata", "ID_PERMATA", ["BANK PERMATA", "PERMATA", "ID PERMATA"]),
        ("014", "BCA", "ID_BCA", ["BCA", "BANK CENTRAL ASIA", "ID BCA"]),
        ("016", "BII Maybank", "ID_MAYBANK", ["BII MAYBANK", "BANK MAYBANK INDONESIA", "MAYBANK", "BII", "ID MAYBANK"]),
        ("019", "Bank Panin", "ID_PANIN", ["BANK PANIN", "PANIN", "ID PANIN"]),
        ("022", "CIMB Niaga", "ID_CIMB", ["CIMB NIAGA", "BANK CIMB NIAGA", "CIMB", "ID CIMB"]),
        ("023", "Bank UOB Indonesia", "ID_UOB", ["BANK UOB INDONESIA", "UOB", "ID UOB"]),
        ("028", "Bank OCBC NISP", "ID_OCBC", ["BANK OCBC NISP", "OCBC", "ID OCBC"]),
        ("031", "Citibank", "ID_CITIBANK", ["CITIBANK", "CITIBANK N A", "ID CITIBANK"]),
        ("032", "JPMorgan Chase Bank", "ID_JPMORGAN", ["JPMORGAN CHASE BANK", "JP MORGAN CHASE BANK N A", "JPMORGAN", "ID JPMORGAN"]),
        ("036", "Bank China Construction Bank Indonesia", "ID_CCB", ["BANK CHINA CONSTRUCTION BANK INDONESIA", "CCB", "ID CCB"]),
        ("037", "Bank Artha Graha Internasional", "ID_ARTHA", ["BANK ARTHA GRAHA INTERNASIONAL", "BANK ARTHA GRAHA INTERNATIONAL", "ARTHA", "ID ARTHA"]),
        ("042", "MUFG Bank", "ID_TOKYO", ["MUFG BANK", "BANK OF TOKYO MITSUBISHI UFJ LTD", "TOKYO", "ID TOKYO"]),
        ("046", "Bank DBS Indonesia", "ID_DBS", ["BANK DBS INDONESIA", "DBS", "ID DBS"]),
        ("050", "Standard Chartered", "ID_STANDARD_CHARTERED", ["STANDARD CHARTERED", "STANDARD CHARTERED BANK", "ID STANDARD CHARTERED"]),
        ("054", "Bank Capital Indonesia", "ID_CAPITAL", ["BANK CAPITAL INDONESIA", "CAPITAL", "ID CAPITAL"]),
        ("061", "ANZ Indonesia", "ID_ANZ", ["ANZ INDONESIA", "BANK ANZ INDONESIA", "ANZ", "ID ANZ"]),
        ("067", "Deutsche Bank AG", "ID_DEUTSCHE", ["DEUTSCHE BANK AG", "DEUTSCHE", "ID DEUTSCHE"]),
        ("069", "Bank OF China", "ID_BOC", ["BANK OF CHINA", "BANK OF CHINA LIMITED", "BOC", "ID BOC"]),
        ("076", "Bank Bumi Arta", "ID_BUMI_ARTA", ["BANK BUMI ARTA", "BUMI ARTA", "ID BUMI ARTA"]),
        ("087", "Bank HSBC Indonesia", "ID_HSBC", ["BANK HSBC INDONESIA", "HONGKONG AND SHANGHAI BANK CORPORATION", "HSBC", "ID HSBC"]),
        ("088", "Bank Antardaerah", nil, ["BANK ANTARDAERAH"]),
        ("089", "Bank Rabobank", "ID_RABOBANK", ["BANK RABOBANK", "BANK RABOBANK INTERNATIONAL INDONESIA", "RABOBANK", "ID RABOBANK"]),
        ("095", "Bank Jtrust Indonesia", "ID_JTRUST", ["BANK JTRUST INDONESIA", "BANK J TRUST INDONESIA", "JTRUST", "ID JTRUST"]),
        ("097", "Bank Mayapada International", "ID_MAYAPADA", ["BANK MAYAPADA INTERNATIONAL", "MAYAPADA", "ID MAYAPADA"]),
        ("110", "BJB", "ID_BJB", ["BJB", "BANK BJB", "ID BJB"]),
        ("111", "Bank DKI", "ID_DKI", ["BANK DKI", "DKI", "ID DKI"]),
        ("112", "Bank DIY", "ID_DAERAH_ISTIMEWA", ["BANK DIY", "BPD DAERAH ISTIMEWA YOGYAKARTA", "DAERAH ISTIMEWA", "ID DAERAH ISTIMEWA"]),
        ("113", "Bank Jateng", "ID_JAWA_TENGAH", ["BANK JATENG", "BPD JAWA TENGAH", "JAWA TENGAH", "ID JAWA TENGAH"]),
        ("114", "Bank Jatim", "ID_JAWA_TIMUR", ["BANK JATIM", "BPD JAWA TIMUR", "JAWA TIMUR", "ID JAWA TIMUR"]),
        ("115", "Bank Jambi", "ID_JAMBI", ["BANK JAMBI", "BPD JAMBI", "JAMBI", "ID JAMBI"]),
        ("116", "Bank Aceh", "ID_ACEH", ["BANK ACEH", "BPD ACEH", "ACEH", "ID ACEH"]),
        ("117", "Bank Sumut", "ID_SUMUT", ["BANK SUMUT", "BPD SUMUT", "SUMUT", "ID SUMUT"]),
        ("118", "Bank Nagari", "ID_SUMATERA_BARAT", ["BANK NAGARI", "BPD SUMATERA BARAT", "SUMATERA BARAT", "ID SUMATERA BARAT"]),
        ("119", "Bank Riau", "ID_RIAU_DAN_KEPRI", ["BANK RIAU", "BPD RIAU DAN KEPRI", "RIAU DAN KEPRI", "ID RIAU DAN KEPRI"]),
        ("120", "Bank Sumsel Babel", "ID_SUMSEL_DAN_BABEL", ["BANK SUMSEL BABEL", "BPD SUMSEL DAN BABEL", "SUMSEL DAN BABEL", "ID SUMSEL DAN BABEL"]),
        ("121", "Bank Lampung", "ID_LAMPUNG", ["BANK LAMPUNG", "BPD LAMPUNG", "LAMPUNG", "ID LAMPUNG"]),
        ("122", "Bank Kalsel", "ID_KALIMANTAN_SELATAN", ["BANK KALSEL", "BPD KALIMANTAN SELATAN", "KALIMANTAN SELATAN", "ID KALIMANTAN SELATAN"]),
        ("123", "Bank Kalbar", "ID_KALIMANTAN_BARAT", ["BANK KALBAR", "BPD KALIMANTAN BARAT", "KALIMANTAN BARAT", "ID KALIMANTAN BARAT"]),
        ("124", "Bank Kaltim", "ID_KALIMANTAN_TIMUR", ["BANK KALTIM", "BPD KALIMANTAN TIMUR", "KALIMANTAN TIMUR", "ID KALIMANTAN TIMUR"]),
        ("125", "Bank Kalteng", "ID_KALIMANTAN_TENGAH", ["BANK KALTENG", "BPD KALIMANTAN TENGAH", "KALIMANTAN TENGAH", "ID KALIMANTAN TENGAH"]),
        ("126", "Bank Sulselbar", "ID_SULSELBAR", ["BANK SULSELBAR", "BPD SULSELBAR", "SULSELBAR", "ID SULSELBAR"]),
        ("127", "Bank Sulut", "ID_SULUT", ["BANK SULUT", "BPD SULUT", "SULUT", "ID SULUT"]),
        ("128", "Bank NTB", "ID_NUSA_TENGGARA_BARAT", ["BANK NTB", "BPD NUSA TENGGARA BARAT", "NUSA TENGGARA BARAT", "ID NUSA TENGGARA BARAT"]),
        ("129", "Bank Bali", "ID_BALI", ["BANK BALI", "BPD BALI", "BALI", "ID BALI"]),
        ("130", "Bank NTT", "ID_NUSA_TENGGARA_TIMUR", ["BANK NTT", "BPD NUSA TENGGARA TIMUR", "NUSA TENGGARA TIMUR", "ID NUSA TENGGARA TIMUR"]),
        ("131", "Bank Maluku", "ID_MALUKU", ["BANK MALUKU", "BPD MALUKU", "MALUKU", "ID MALUKU"]),
        ("132", "Bank Papua", "ID_PAPUA", ["BANK PAPUA", "BPD PAPUA", "PAPUA", "ID PAPUA"]),
        ("133", "Bank Bengkulu", "ID_BENGKULU", ["BANK BENGKULU", "BPD BENGKULU", "BENGKULU", "ID BENGKULU"]),
        ("134", "Bank Sulteng", "ID_SULAWESI", ["BANK SULTENG", "BPD SULAWESI TENGAH", "SULAWESI", "ID SULAWESI"]),
        ("135", "Bank Sultra", "ID_SULAWESI_TENGGARA", ["BANK SULTRA", "BPD SULAWESI TENGGARA", "SULAWESI TENGGARA", "ID SULAWESI TENGGARA"]),
        ("137", "Bank Banten", "ID_BANTEN", ["BANK BANTEN", "BANK PEMBANGUNAN DAERAH BANTEN", "BANTEN", "ID BANTEN"]),
        ("145", "Bank Nusantara Parahyangan", nil, ["BANK NUSANTARA PARAHYANGAN", "NUSANTARA PARAHYANGAN"]),
        ("146", "Bank Of India Indonesia", "ID_INDIA", ["BANK OF INDIA INDONESIA", "BANK INDIA", "INDIA", "ID INDIA"]),
        ("147", "Bank Muamalat", "ID_MUAMALAT", ["BANK MUAMALAT", "BANK MUAMALAT INDONESIA", "MUAMALAT", "ID MUAMALAT"]),
        ("151", "Bank Mestika", "ID_MESTIKA_DHARMA", ["BANK MESTIKA", "BANK MESTIKA DHARMA", "MESTIKA DHARMA", "ID MESTIKA DHARMA"]),
        ("152", "Bank Shinhan", "ID_SHINHAN", ["BANK SHINHAN", "BANK SHINHAN INDONESIA", "SHINHAN", "ID SHINHAN"]),
        ("153", "Bank Sinarmas", "ID_SINARMAS", ["BANK SINARMAS", "SINARMAS", "ID SINARMAS"]),
        ("157", "Bank Maspion Indonesia", "ID_MASPION", ["BANK MASPION INDONESIA", "MASPION", "ID MASPION"]),
        ("161", "Bank Ganesha", "ID_GANESHA", ["BANK GANESHA", "GANESHA", "ID GANESHA"]),
        ("164", "Bank ICBC Indonesia", "ID_ICBC", ["BANK ICBC INDONESIA", "ICBC", "ID ICBC"]),
        ("167", "Bank QNB Indonesia", "ID_QNB_INDONESIA", ["BANK QNB INDONESIA", "QNB INDONESIA", "ID QNB INDONESIA"]),
        ("200", "BTN", "ID_BTN", ["BTN", "BANK TABUNGAN NEGARA", "ID BTN"]),
        ("212", "Bank Woori Saudara", nil, ["BANK WOORI SAUDARA", "BANK HIMPUNAN SAUDARA 1906", "HIMPUNAN SAUDARA"]),
        ("213", "Bank SMBC Indonesia", "ID_TABUNGAN_PENSIUNAN_NASIONAL", ["BANK SMBC INDONESIA", "BANK TABUNGAN PENSIUNAN NASIONAL", "TABUNGAN PENSIUNAN NASIONAL", "ID TABUNGAN PENSIUNAN NASIONAL"]),
        ("405", "Bank Victoria Syariah", "ID_VICTORIA_SYR", ["BANK VICTORIA SYARIAH", "VICTORIA SYR", "ID VICTORIA SYR"]),
        ("425", "BJB Syariah", "ID_BJB_SYR", ["BJB SYARIAH", "BANK BJB SYARIAH", "BJB SYR", "ID BJB SYR"]),
        ("426", "Bank Mega", "ID_MEGA", ["BANK MEGA", "MEGA", "ID MEGA"]),
        ("441", "Bank Bukopin", "ID_BUKOPIN", ["BANK BUKOPIN", "BUKOPIN", "ID BUKOPIN"]),
        ("451", "Bank Syariah Indonesia", "ID_BSI", ["BANK SYARIAH INDONESIA", "BANK SYARIAH MANDIRI", "MANDIRI SYR", "BSM", "ID BSI", "BSI"]),
        ("459", "Krom Bank Indonesia", "ID_BISNIS_INTERNASIONAL", ["KROM BANK INDONESIA", "BANK BISNIS INTERNASIONAL", "BISNIS INTERNASIONAL", "ID BISNIS INTERNASIONAL"]),
        ("472", "Bank Jasa Jakarta", "ID_JASA_JAKARTA", ["BANK JASA JAKARTA", "JASA JAKARTA", "ID JASA JAKARTA"]),
        ("484", "Bank KEB Hana", "ID_HANA", ["BANK KEB HANA", "BANK HANA", "HANA", "ID HANA"]),
        ("485", "Bank MNC", "ID_MNC_INTERNASIONAL", ["BANK MNC", "BANK MNC INTERNASIONAL", "MNC INTERNASIONAL", "ID MNC INTERNASIONAL"]),
        ("490", "Bank Neo Commerce", "ID_BNC", ["BANK NEO COMMERCE", "BANK YUDHA BHAKTI", "YUDHA BHAKTI", "ID BNC", "BNC"]),
        ("494", "Bank Raya Indonesia", "ID_AGRONIAGA", ["BANK RAYA INDONESIA", "BANK BRI AGRONIAGA", "AGRONIAGA", "ID AGRONIAGA"]),
        ("498", "Bank SBI Indonesia", "ID_SBI_INDONESIA", ["BANK SBI INDONESIA", "SBI INDONESIA", "ID SBI INDONESIA"]),
        ("501", "BCA Digital", "ID_BCA_DIGITAL", ["BCA DIGITAL", "BANK ROYAL INDONESIA", "ROYAL", "ID BCA DIGITAL"]),
        ("503", "Bank National Nobu", "ID_NATIONALNOBU", ["BANK NATIONAL NOBU", "BANK NATIONALNOBU", "NATIONALNOBU", "ID NATIONALNOBU"]),
        ("506", "Bank Mega Syariah", "ID_MEGA_SYR", ["BANK MEGA SYARIAH", "BANK SYARIAH MEGA INDONESIA", "MEGA SYR", "ID MEGA SYR"]),
        ("513", "Bank INA", "ID_INA_PERDANA", ["BANK INA", "BANK INA PERDANA", "INA PERDANA", "ID INA PERDANA"]),
        ("517", "Bank Panin Syariah", "ID_PANIN_SYR", ["BANK PANIN SYARIAH", "BANK PANIN DUBAI SYARIAH", "PANIN SYR", "ID PANIN SYR"]),
        ("520", "Bank Prima", "ID_PRIMA_MASTER", ["BANK PRIMA", "PRIMA MASTER BANK", "PRIMA MASTER", "ID PRIMA MASTER"]),
        ("521", "Bank Syariah Bukopin", "ID_BUKOPIN_SYR", ["BANK SYARIAH BUKOPIN", "BUKOPIN SYR", "ID BUKOPIN SYR"]),
        ("523", "Bank Sahabat Sampoerna", "ID_SAHABAT_SAMPOERNA", ["BANK SAHABAT SAMPOERNA", "SAHABAT SAMPOERNA", "ID SAHABAT SAMPOERNA"]),
        ("526", "Bank Oke Indonesia", "ID_DINAR_INDONESIA", ["BANK OKE INDONESIA", "BANK DINAR INDONESIA", "DINAR INDONESIA", "ID DINAR INDONESIA"]),
        ("535", "Bank Seabank Indonesia", "ID_SEABANK", ["BANK SEABANK INDONESIA", "BANK KESEJAHTERAAN EKONOMI", "KESEJAHTERAAN EKONOMI", "ID SEABANK", "SEABANK"]),
        ("536", "Bank BCA Syariah", "ID_BCA_SYR", ["BANK BCA SYARIAH", "BCA SYR", "ID BCA SYR"]),
        ("542", "Bank Jago", "ID_JAGO", ["BANK JAGO", "BANK ARTOS INDONESIA", "ARTOS", "ID JAGO", "JAGO"]),
        ("547", "Bank BTPN Syariah", "ID_BTPN_SYARIAH", ["BANK BTPN SYARIAH", "BTPN SYARIAH", "ID BTPN SYARIAH"]),
        ("548", "Bank Multiarta Sentosa", "ID_MULTI_ARTA_SENTOSA", ["BANK MULTIARTA SENTOSA", "BANK MULTI ARTA SENTOSA", "MULTI ARTA SENTOSA", "ID MULTI ARTA SENTOSA"]),
        ("553", "Bank Hibank Indonesia", "ID_MAYORA", ["BANK HIBANK INDONESIA", "BANK MAYORA", "MAYORA", "ID MAYORA"]),
        ("555", "Bank Index", "ID_INDEX_SELINDO", ["BANK INDEX", "BANK INDEX SELINDO", "INDEX SELINDO", "ID INDEX SELINDO"]),
        ("559", "Bank CNB", nil, ["BANK CNB", "CENTRATAMA NASIONAL BANK", "CENTRATAMA"]),
        ("562", "Superbank", "ID_FAMA", ["SUPERBANK", "BANK FAMA INTERNATIONAL", "FAMA", "ID FAMA"]),
        ("564", "Bank Mandiri Taspen", "ID_MANDIRI_TASPEN", ["BANK MANDIRI TASPEN", "BANK MANDIRI TASPEN POS", "MANDIRI TASPEN", "ID MANDIRI TASPEN"]),
        ("566", "Bank Victoria International", "ID_VICTORIA_INTERNASIONAL", ["BANK VICTORIA INTERNATIONAL", "BANK VICTORIA INTERNASIONAL", "VICTORIA INTERNASIONAL", "ID VICTORIA INTERNASIONAL"]),
        ("567", "Allo Bank", "ID_ALLO", ["ALLO BANK", "BANK HARDA INTERNASIONAL", "HARDA INTERNASIONAL", "ID ALLO", "ALLO"]),
        ("600", "ATMB LSB", nil, ["ATMB LSB"]),
        ("688", "BPR KS", nil, ["BPR KS"]),
        ("724", "Bank DKI Syariah", nil, ["BANK DKI SYARIAH"]),
        ("725", "Bank Jateng Syariah", nil, ["BANK JATENG SYARIAH"]),
        ("734", "Bank Sinarmas Syariah", "ID_SINARMAS_UUS", ["BANK SINARMAS SYARIAH", "BANK SINARMAS UNIT USAHA SYARIAH", "SINARMAS UUS", "ID SINARMAS UUS"]),
        ("777", "Finnet", nil, ["FINNET"]),
        ("867", "Bank Eka", nil, ["BANK EKA"]),
        ("945", "Bank IBK Indonesia", "ID_IBK", ["BANK IBK INDONESIA", "BANK AGRIS", "AGRIS", "ID IBK", "IBK"]),
        ("949", "Bank CTBC Indonesia", "ID_CHINATRUST", ["BANK CTBC INDONESIA", "BANK CHINATRUST INDONESIA", "CHINATRUST", "ID CHINATRUST"]),
        ("950", "Bank Commonwealth", "ID_COMMONWEALTH", ["BANK COMMONWEALTH", "COMMONWEALTH", "ID COMMONWEALTH"]),
        ("987", "ATMB Plus", nil, ["ATMB PLUS"]),
    ]
}
