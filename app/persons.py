"""How texts name persons: common surnames, and parties made anonymous."""
from __future__ import annotations

import re

# A party as judgments and case reports name one: a common surname and 某
# or 某某 (张某, 宁某某), not a word with 某 in it (于某日, 向某公司, 某市). The
# surnames that are also common prepositions (于 和 向 时 全 连 应 关 常 安 方
# 单 成 明 文) are left out.
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任"
            "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
            "汤温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童"
            "凌毕季裴霍涂苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项芦"
            "麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩"
            "佘池查麻苑迟邝惠")
PARTY = re.compile(rf"[{SURNAMES}]某某?(?!某|公司|医院|银行|超市|集团|单位|部门|机构|学校|[日月年天地市县区省处])")
