/** Word lists for the simulator's generated companies. Pure data; see dataset.ts for how they are combined. */

export interface Locality {
  province: string
  /** Short city name used in company names (成都). */
  city: string
  /** Full city name (成都市). */
  cityFull: string
  district: string
  /** 6-digit administrative division code, the start of reg_no and digits 3-8 of credit_no. */
  code: string
  /** 登记机关. */
  org: string
  /** Tax bureau, for the support_* fields. */
  tax: string
}

function loc(province: string, city: string, district: string, code: string, org?: string, tax?: string): Locality {
  const cityFull = `${city}市`
  return {
    province,
    city,
    cityFull,
    district,
    code,
    org: org ?? `${cityFull}${district}市场监督管理局`,
    tax: tax ?? `国家税务总局${cityFull}${district}税务局`,
  }
}

export const LOCALITIES: readonly Locality[] = [
  loc('四川', '成都', '高新区', '510100', '成都高新区市场监督管理局', '国家税务总局成都高新技术产业开发区税务局'),
  loc('四川', '成都', '武侯区', '510107'),
  loc('四川', '成都', '锦江区', '510104'),
  loc('四川', '成都', '双流区', '510116'),
  loc('四川', '绵阳', '涪城区', '510703'),
  loc('北京', '北京', '海淀区', '110108'),
  loc('北京', '北京', '朝阳区', '110105'),
  loc('上海', '上海', '浦东新区', '310115'),
  loc('上海', '上海', '闵行区', '310112'),
  loc('天津', '天津', '滨海新区', '120116'),
  loc('重庆', '重庆', '渝北区', '500112'),
  loc('广东', '广州', '天河区', '440106'),
  loc('广东', '深圳', '南山区', '440305', '深圳市市场监督管理局南山监管局'),
  loc('广东', '深圳', '宝安区', '440306', '深圳市市场监督管理局宝安监管局'),
  loc('浙江', '杭州', '西湖区', '330106'),
  loc('浙江', '杭州', '余杭区', '330110'),
  loc('江苏', '南京', '鼓楼区', '320106'),
  loc('江苏', '苏州', '工业园区', '320594', '苏州工业园区市场监督管理局', '国家税务总局苏州工业园区税务局'),
  loc('湖北', '武汉', '洪山区', '420111'),
  loc('陕西', '西安', '雁塔区', '610113'),
  loc('湖南', '长沙', '岳麓区', '430104'),
  loc('河南', '郑州', '金水区', '410105'),
  loc('安徽', '合肥', '蜀山区', '340104'),
  loc('福建', '厦门', '思明区', '350203'),
]

/** Characters for 字号 (trade names): one from each list, sometimes two pairs. */
export const ZIHAO_FIRST = '锦蓉恒鑫博华智盛永宏瑞嘉德辰启星云明安泰和汇卓创远佳润鼎亿聚'.split('')
export const ZIHAO_SECOND = '华欣信源远瑞联达泰图科程盛辉宇通诚丰腾航隆凯旭峰美晟邦成昌越'.split('')

export interface IndustryClass {
  /** 行业 (l2_domain_name). */
  l2: string
  /** Words between the 字号 and the legal form (科技, 商贸 ...). */
  words: readonly string[]
  /** Shop words for 个体工商户 names; empty when individuals do not run this kind of business. */
  shops: readonly string[]
}

export interface Industry {
  /** 所属门类 (l1_domain_name). */
  l1: string
  classes: readonly IndustryClass[]
  weight: number
}

function cls(l2: string, words: string[], shops: string[] = []): IndustryClass {
  return { l2, words, shops }
}

export const INDUSTRIES: readonly Industry[] = [
  {
    l1: '制造业',
    classes: [
      cls('其他电子设备制造', ['光电科技', '电子科技']),
      cls('电子元件及电子专用材料制造', ['电子材料', '电子元件']),
      cls('通用零部件制造', ['精密机械', '机械制造']),
      cls('塑料制品业', ['塑胶制品', '新材料科技']),
      cls('食品制造业', ['食品', '食品科技']),
    ],
    weight: 14,
  },
  {
    l1: '批发和零售业',
    classes: [
      cls('计算机、软件及辅助设备批发', ['电脑科技', '电子商务']),
      cls('五金产品批发', ['五金机电', '五金贸易'], ['五金店']),
      cls('日用百货零售', ['商贸', '百货'], ['便利店', '百货商行']),
      cls('服装零售', ['服饰', '服装贸易'], ['服装店']),
      cls('食品、饮料及烟草制品专门零售', ['食品贸易', '供应链'], ['烟酒商行', '副食店']),
    ],
    weight: 18,
  },
  {
    l1: '信息传输、软件和信息技术服务业',
    classes: [
      cls('软件开发', ['软件科技', '软件技术']),
      cls('信息系统集成服务', ['信息技术', '智能科技']),
      cls('互联网信息服务', ['网络科技', '互联网科技']),
      cls('信息技术咨询服务', ['信息咨询', '数字科技']),
      cls('数据处理和存储支持服务', ['数据科技', '云计算科技']),
    ],
    weight: 16,
  },
  {
    l1: '科学研究和技术服务业',
    classes: [
      cls('工程和技术研究和试验发展', ['生物科技', '工程技术']),
      cls('技术推广服务', ['环保科技', '农业科技']),
      cls('检验检测服务', ['检测技术', '检测服务']),
      cls('工程设计活动', ['工程设计', '建筑设计']),
    ],
    weight: 8,
  },
  {
    l1: '租赁和商务服务业',
    classes: [
      cls('企业管理咨询', ['企业管理咨询', '商务信息咨询']),
      cls('广告业', ['文化传播', '广告'], ['广告部']),
      cls('会议、展览及相关服务', ['会展服务', '会议服务']),
      cls('人力资源服务', ['人力资源管理', '人力资源服务']),
    ],
    weight: 10,
  },
  {
    l1: '住宿和餐饮业',
    classes: [
      cls('正餐服务', ['餐饮管理', '餐饮服务'], ['火锅店', '餐馆']),
      cls('快餐服务', ['餐饮管理', '快餐'], ['小吃店', '面馆']),
      cls('饮料及冷饮服务', ['茶饮', '餐饮管理'], ['茶饮店', '奶茶店']),
      cls('旅游饭店', ['酒店管理', '宾馆'], ['旅馆']),
    ],
    weight: 9,
  },
  {
    l1: '建筑业',
    classes: [
      cls('建筑装饰和装修业', ['建筑装饰工程', '装饰设计工程']),
      cls('土木工程建筑业', ['建设工程', '市政工程']),
      cls('建筑安装业', ['机电安装工程', '消防工程']),
    ],
    weight: 7,
  },
  {
    l1: '交通运输、仓储和邮政业',
    classes: [
      cls('道路货物运输', ['物流', '货运'], ['货运部']),
      cls('装卸搬运和仓储业', ['仓储服务', '供应链管理']),
      cls('多式联运和运输代理业', ['国际货运代理', '物流']),
    ],
    weight: 5,
  },
  {
    l1: '农、林、牧、渔业',
    classes: [
      cls('蔬菜、食用菌及园艺作物种植', ['农业开发', '蔬菜种植'], ['种植场']),
      cls('水果种植', ['生态农业', '果业'], ['家庭农场']),
      cls('农业专业及辅助性活动', ['农业科技', '农业服务'], ['农机服务部']),
    ],
    weight: 4,
  },
  {
    l1: '居民服务、修理和其他服务业',
    classes: [
      cls('家用电器修理', ['家电维修服务', '电器服务'], ['家电维修部']),
      cls('理发及美容服务', ['美容管理', '美发'], ['理发店', '美容院']),
      cls('家庭服务', ['家政服务', '保洁服务'], ['家政服务部']),
      cls('洗染服务', ['洗涤服务', '干洗'], ['洗衣店']),
    ],
    weight: 5,
  },
  {
    l1: '文化、体育和娱乐业',
    classes: [
      cls('文艺创作与表演', ['文化艺术', '文化传媒'], ['工作室']),
      cls('体育场地设施管理', ['体育文化发展', '体育管理']),
      cls('广播、电视、电影和录音制作业', ['影视文化', '影视传媒']),
    ],
    weight: 3,
  },
  {
    l1: '教育',
    classes: [
      cls('技能培训、教育辅助及其他教育', ['教育咨询', '教育科技']),
      cls('职业技能培训', ['职业技能培训', '培训']),
    ],
    weight: 3,
  },
]

export type LegalForm = 'llc_np' | 'llc_sole' | 'llc_corp' | 'joint_stock' | 'sole_prop' | 'partnership' | 'individual' | 'coop'

export interface LegalFormInfo {
  econKind: string
  weight: number
  /** Second character of the credit code (1 enterprise, 2 个体工商户, 3 农民专业合作社). */
  typeDigit: '1' | '2' | '3'
}

export const LEGAL_FORMS: Record<LegalForm, LegalFormInfo> = {
  llc_np: { econKind: '有限责任公司(自然人投资或控股)', weight: 40, typeDigit: '1' },
  llc_sole: { econKind: '有限责任公司(自然人独资)', weight: 18, typeDigit: '1' },
  llc_corp: { econKind: '有限责任公司(非自然人投资或控股的法人独资)', weight: 5, typeDigit: '1' },
  joint_stock: { econKind: '股份有限公司(非上市、自然人投资或控股)', weight: 5, typeDigit: '1' },
  sole_prop: { econKind: '个人独资企业', weight: 5, typeDigit: '1' },
  partnership: { econKind: '有限合伙企业', weight: 3, typeDigit: '1' },
  individual: { econKind: '个体工商户', weight: 15, typeDigit: '2' },
  coop: { econKind: '农民专业合作社', weight: 3, typeDigit: '3' },
}

export const CAPITALS_WAN = [3, 5, 10, 20, 30, 50, 100, 100, 200, 200, 300, 500, 500, 1000, 1000, 2000] as const

export const SUPPORT_BASES = [
  '《财政部 税务总局关于进一步实施小微企业所得税优惠政策的公告》(财政部 税务总局公告2022年第13号)',
  '《财政部 税务总局关于实施小微企业普惠性税收减免政策的通知》(财税〔2019〕13号)',
  '《国务院关于进一步支持小型微型企业健康发展的意见》(国发〔2012〕14号)',
  '《关于进一步做好稳就业工作的通知》',
] as const

export const SUPPORT_CONTENTS = [
  '小型微利企业所得税减免',
  '增值税小规模纳税人减免',
  '创业担保贷款贴息',
  '社会保险补贴',
  '失业保险稳岗返还',
  '房租减免',
] as const

/**
 * Companies whose names start with characters spreadsheets treat as formulas (=, +, -, @). Present in every data set
 * so export code can be tested against formula injection.
 */
export const FORMULA_NAMES = [
  '=1+1(成都)测试科技有限公司',
  '=HYPERLINK("https://example.invalid","点我")有限公司',
  '+86成都通信技术有限公司',
  '-1成都负数贸易有限公司',
  '@SUM(A1)成都表格科技有限公司',
] as const
