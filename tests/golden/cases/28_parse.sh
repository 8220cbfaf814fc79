aidledger parse money "捐赠1亿2000万元、约5.67万元和图书5000册"
aidledger parse money "实现产值"
aidledger parse date "10月24日~25日,当天" --ref 2021-10-30
aidledger parse date "去年年底" --ref 2021-03-01
