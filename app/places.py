"""Place names of general knowledge, not of any library: China's
provincial-level divisions, and the countries and unions whose laws a
question may ask about."""
from __future__ import annotations

PROVINCES = tuple("北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 "
                  "四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门".split())
COUNTRIES = tuple("美国 日本 韩国 英国 法国 德国 俄罗斯 欧盟 印度 加拿大 澳大利亚 新加坡 瑞士 意大利 西班牙 巴西".split())
