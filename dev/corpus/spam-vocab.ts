// Spam vocabulary for the synthetic injections, split into two DISJOINT parts:
//   part 'train'   -> used only for items of the train split
//   part 'heldout' -> used only for dev/test items (other keywords, other templates, other brand syllables,
//                     other TLDs, other link-block labels), so dev/test figures measure generalisation to spam
//                     wording the detector never saw in training.
// Everything here is data; rendering (templates -> strings) is in inject.ts. Pure, no I/O.
import type { Category } from '../../src/detect/types.js';

export type SpamLang = 'zh' | 'en' | 'ja' | 'id';
export const SPAM_LANGS: readonly SpamLang[] = ['zh', 'en', 'ja', 'id'];
export type VocabPart = 'train' | 'heldout';

/** A pair [train, heldout] of disjoint lists. */
export type Split2<T> = readonly [readonly T[], readonly T[]];

export interface TopicVocab {
  /** search keywords of the topic */
  keywords: Split2<string>;
  /** standalone promo lines. Slots: {brand} {kw} {kw2} {num} {pct} {contact} {domain} {emoji} {year} */
  promo: Split2<string>;
  /** short phrases for title affixes and splices (slots as above) */
  phrases: Split2<string>;
  /** brand suffixes appended to syllables (e.g. 配资网, Casino) */
  brandSuffix: Split2<string>;
}

type TopicTable = Partial<Record<Category, TopicVocab>>;

// ---------------------------------------------------------------- zh
const zh: TopicTable = {
  'margin-lending': {
    keywords: [
      ['股票配资', '配资平台', '配资公司', '正规配资', '炒股配资', '期货配资', '在线配资', '配资炒股', '股票配资开户',
        '互联网金融股票配资', '配资网', '十倍杠杆', '按月配资', '免息配资', '配资门户', '股票杠杆', '场外配资', '实盘配资',
        '配资app', '股票配资平台排名'],
      ['配资开户', '线上配资', '杠杆炒股', '配资查询', '股票融资平台', '配资排行榜', '低息配资', '按天配资', '券商配资',
        '配资软件', '期货杠杆', '炒股加杠杆', '专业配资', '配资官网', '股票加杠杆平台', '正规股票配资平台'],
    ],
    promo: [
      ['{n}. {brand}:提供低费用的股票配资服务,支持港股和美股。', '{brand}:{kw},最高{num}倍杠杆,当天到账。',
        '{n}、{brand}——{kw}首选平台,月息低至{pct}%,咨询QQ:{qq}', '推荐:{brand}{kw},资金安全,随借随还,官网{domain}',
        '{brand}提供{kw}服务,1万起配,最快{num}分钟到账 {emoji}', '{n}. {brand}:正规{kw},实盘交易,免费咨询{phone}。'],
      ['【{brand}】{kw}火热开放中,最低{pct}%管理费,加微信{wechat}领取体验金', '{n}) {brand}|{kw}|{kw2},新用户首月免息!',
        '想炒股缺资金?{brand}{kw}帮您放大收益,热线{phone}', '{brand}官方:{kw}、{kw2},三分钟开户 {emoji} {domain}',
        '{n}. {brand}:支持A股、港股{kw},杠杆1-{num}倍可选。'],
    ],
    phrases: [['{kw}', '{kw}{kw2}', '{brand}{kw}', '{kw}_{brand}'], ['{kw}|{kw2}', '{kw}-{brand}', '{kw2}{kw}', '{brand}:{kw}']],
    brandSuffix: [['配资网', '配资', '证券', '策略', '金融', '配资门户'], ['优配', '盈配', '资本', '操盘', '在线配资', '股票']],
  },
  gambling: {
    keywords: [
      ['博彩', '澳门博彩', '网上赌场', '太阳城', '百家乐', '真人娱乐', '体育投注', '在线棋牌', '彩票网站', '时时彩', '娱乐城',
        '葡京娱乐', '威尼斯人', '老虎机', '北京赛车pk10', '六合彩', '必威体育', '网投平台'],
      ['真人视讯', '电子游艺', '皇冠体育', '开元棋牌', '快三计划', '幸运飞艇', '足球投注', '澳门赌场', '线上博彩', '亚洲博彩',
        '新葡京', '金沙娱乐', '德州扑克', '赌球网站', '彩票计划群'],
    ],
    promo: [
      ['{brand}:注册即送{num}元彩金,{kw}信誉第一!', '{n}. {brand}{kw},首存送{pct}%,日返水无上限。', '【{brand}】{kw}官网:{domain}',
        '{kw}就选{brand},提款秒到账,客服QQ:{qq} {emoji}', '{brand}——亚洲最大{kw}平台,{kw2}天天送。'],
      ['{brand}{kw}开户,新会员首充{num}起送,永久网址{domain}', '{n}、{brand}:{kw}、{kw2}一站式娱乐,微信{wechat}',
        '玩{kw}上{brand},单单返水{pct}%,十年老品牌{emoji}', '{brand}诚招代理,{kw}佣金高达{pct}%!'],
    ],
    phrases: [['{kw}', '{brand}{kw}', '{kw}{kw2}'], ['{kw}-{kw2}', '{brand}|{kw}', '{kw2}官网']],
    brandSuffix: [['娱乐城', '国际', '娱乐', '体育', '彩票'], ['棋牌', '游戏', '真人', '赌场', '电竞']],
  },
  'fake-documents': {
    keywords: [
      ['代开发票', '开发票', '增值税发票', '办证', '办假证', '毕业证办理', '假文凭', '代办驾照', '刻章', '发票代开', '学历认证',
        '代开增值税专用发票'],
      ['发票代办', '假学历', '办身份证', '代办学位证', '印章制作', '普通发票代开', '代开各类发票', '假毕业证', '办理四六级证书',
        '各地发票'],
    ],
    promo: [
      ['{brand}:{kw},诚信经营,联系电话{phone}', '专业{kw}、{kw2},可验证后付款,QQ:{qq}', '{n}. {kw}找{brand},全国各地均可办理。'],
      ['【{brand}】{kw} {kw2} 可查可验,微信{wechat}', '{kw}请联系{brand},当天出票,点数优惠{pct}% {emoji}',
        '{n}、{brand}承接{kw}业务,保真,{phone}'],
    ],
    phrases: [['{kw}', '{kw}{kw2}', '{kw}电话'], ['{kw}-{brand}', '{kw2}微信', '{kw}公司']],
    brandSuffix: [['票务', '办证中心', '商务'], ['咨询', '代理', '财税']],
  },
  loans: {
    keywords: [
      ['小额贷款', '网贷', '无抵押贷款', '信用贷款', '快速贷款', '黑户贷款', '贷款平台', '急用钱', '秒批贷款', '学生贷款',
        '身份证贷款'],
      ['借款app', '手机贷', '无视征信', '私人借钱', '当天放款', '凭身份证借钱', '大额贷款', '空放贷款', '零门槛借款',
        '网贷口子'],
    ],
    promo: [
      ['{brand}:{kw},最快{num}分钟放款,日息低至{pct}%', '{n}. {kw}找{brand},不看征信,电话{phone}', '急用钱?{brand}{kw},秒批秒到 {emoji}'],
      ['【{brand}】{kw}、{kw2},最高可借{num}万,微信{wechat}', '{n}、{brand}:{kw}新口子,下款率高,官网{domain}',
        '{brand}{kw},无需抵押,QQ:{qq}'],
    ],
    phrases: [['{kw}', '{kw}{kw2}', '{brand}{kw}'], ['{kw}|{brand}', '{kw2}平台', '{kw}口子']],
    brandSuffix: [['贷', '金服', '借款'], ['钱包', '速贷', '信贷']],
  },
  pharma: {
    keywords: [
      ['伟哥', '壮阳药', '延时药', '代孕', '春药', '迷药', '犀利士', '催情药', '助孕', '代孕机构'],
      ['必利劲', '泰国代孕', '试管代孕', '蓝色小药丸', '延时喷剂', '催眠药', '安眠药购买', '代孕包成功', '男性增大'],
    ],
    promo: [
      ['{brand}:正品{kw}货到付款,QQ:{qq}', '{n}. {kw}哪里买?{brand}官网{domain}', '{brand}{kw}专家,成功率{pct}%'],
      ['【{brand}】{kw}、{kw2}隐私发货,微信{wechat}', '{n}、{brand}:{kw}套餐,包成功,电话{phone} {emoji}'],
    ],
    phrases: [['{kw}', '{kw}{kw2}', '{kw}价格'], ['{kw}-{brand}', '{kw2}哪里买', '{kw}网购']],
    brandSuffix: [['医药', '生殖中心', '药房'], ['健康', '助孕中心', '药业']],
  },
  'replica-goods': {
    keywords: [
      ['高仿手表', '奢侈品高仿', '精仿包包', '一比一复刻', 'A货', '高仿劳力士', '复刻表', '原单包'],
      ['顶级复刻', '高仿鞋', '超A货', '精仿名表', '高仿LV', '复刻包包货源', '工厂货'],
    ],
    promo: [
      ['{brand}:{kw}批发,微信{wechat}', '{n}. {kw}一手货源就找{brand},{domain}'],
      ['【{brand}】{kw}、{kw2}厂家直销,QQ:{qq} {emoji}', '{n}、{brand}{kw},支持验货'],
    ],
    phrases: [['{kw}', '{kw}{kw2}'], ['{kw}货源', '{kw}-{brand}']],
    brandSuffix: [['名表', '奢品'], ['复刻', '精品']],
  },
  adult: {
    keywords: [
      ['成人视频', '成人电影', '成人在线漫画', '三级片', 'h动漫', '午夜影院', '成人网站', '裸聊'],
      ['同城约炮', '成人直播', '三级动漫', '福利视频', '约会交友', '夜场服务', '色情直播'],
    ],
    promo: [
      ['{brand}:{kw}免费看,{domain}', '{n}. {kw}就上{brand} {emoji}'],
      ['【{brand}】{kw}、{kw2},永久地址{domain}', '{n}、{brand}{kw},加QQ:{qq}'],
    ],
    phrases: [['{kw}', '{kw}{kw2}'], ['{kw}在线', '{kw}网址']],
    brandSuffix: [['影院', '视频'], ['直播', '社区']],
  },
  'game-servers': {
    keywords: [
      ['私服', '传奇私服', '魔兽私服', '新开传奇', '游戏金币', '代练', '传奇sf', '奇迹私服'],
      ['天龙私服', '梦幻私服', '新开sf发布网', '游戏外挂', '热血传奇私服', '金币交易', '冰雪传奇'],
    ],
    promo: [
      ['{brand}:{kw}今日新开,{domain}', '{n}. {kw}发布网,{brand}每日更新'],
      ['【{brand}】{kw}、{kw2},QQ群{qq}', '{n}、{brand}{kw}火爆开服 {emoji}'],
    ],
    phrases: [['{kw}', '{kw}{kw2}'], ['{kw}发布网', '{kw}-{brand}']],
    brandSuffix: [['传奇', '私服网'], ['游戏', 'sf']],
  },
  promo: {
    keywords: [
      ['领红包', '免费领取', '限时优惠', '下载APP', '扫码关注', '新人福利', '抢购'],
      ['点击领取', '优惠券', '爆款推荐', '独家福利', '加群领福利', '一键下载'],
    ],
    promo: [
      ['下载{brand}APP,新人立领{num}元红包!', '{n}. {brand}:扫码关注公众号,{kw} {emoji}', '关注{brand},{kw},详情{domain}'],
      ['【{brand}】{kw}:注册即送{num}元,仅限今日', '{n}、安装{brand}客户端,{kw}享{pct}%返利', '{brand}:{kw},戳{domain}'],
    ],
    phrases: [['{brand}{kw}', '{kw}'], ['{kw}|{brand}', '{brand}APP']],
    brandSuffix: [['APP', '商城', '优选'], ['平台', '严选', '生活']],
  },
  'seo-keywords': {
    keywords: [
      ['百度云盘', '免费下载', 'txt全集', '在线观看', '高清完整版', '最新消息', '百度网盘', '中文字幕', '手机报价',
        '电影完整版', '小说下载', '迅雷下载', '快播'],
      ['全集下载', '无删减版', '网盘资源', '西瓜影音', '免费阅读', '第二季', '国语版', '蓝光版', '最新章节', '电视剧全集',
        '官方网站'],
    ],
    promo: [['{kw} {kw2} {brand}'], ['{brand} {kw} {kw2}']],
    phrases: [['{kw}', '{kw}{kw2}'], ['{kw2}{kw}', '{kw}-{kw2}']],
    brandSuffix: [['网', '资讯网', '门户'], ['导航', '在线', '之家']],
  },
};

// ---------------------------------------------------------------- en
const en: TopicTable = {
  gambling: {
    keywords: [
      ['online casino', 'best online casino', 'casino bonus', 'free spins', 'real money slots', 'online slots', 'no deposit bonus',
        'online blackjack', 'sports betting', 'poker online', 'casino games', 'roulette online'],
      ['crypto casino', 'fast payout casino', 'slot machines online', 'live dealer casino', 'betting odds', 'bitcoin gambling',
        'jackpot slots', 'casino welcome offer', 'online baccarat', 'sportsbook promo code'],
    ],
    promo: [
      ['Get {num} free spins at {brand} - sign up now!', '{n}. {brand}: the {kw} with {pct}% match bonus up to ${num}.',
        'Play {kw} at {brand} and win real money {emoji}', 'Looking for {kw}? Visit {domain} for {kw2} today.',
        '{brand} - top rated {kw}, instant withdrawals, {contact}'],
      ['Claim your {kw} at {brand}: {num} spins, zero wagering!', '{n}) {brand} | {kw} | {kw2} - join in 60 seconds',
        'New players at {brand} get ${num} {kw} {emoji} {domain}', 'Win big with {kw} on {brand}. Payouts in minutes.'],
    ],
    phrases: [['{Kw}', 'Best {Kw}', '{Kw} {year}', '{Kw} Bonus'], ['Top {Kw}', '{Kw} - {Brand}', '{Kw} & {Kw2}']],
    brandSuffix: [['Casino', 'Palace', 'Slots', 'Bet'], ['Spins', 'Jackpot', 'Vegas', 'Wager']],
  },
  pharma: {
    keywords: [
      ['cheap viagra', 'buy viagra online', 'viagra price', 'cialis online', 'generic cialis', 'levitra', 'buy tramadol',
        'xanax without prescription', 'discount pharmacy', 'order valium'],
      ['kamagra jelly', 'sildenafil no rx', 'buy ambien online', 'cheap modafinil', 'oxycodone overnight', 'tadalafil 20mg',
        'canadian pharmacy online', 'phentermine diet pills'],
    ],
    promo: [
      ['{n}. {kw} at {brand} - no prescription needed!', 'Order {kw} from {domain}, discreet shipping {emoji}',
        '{brand}: {kw} and {kw2} from ${num}, {contact}'],
      ['Save {pct}% on {kw} at {brand} today', '{n}) {brand} - {kw}, overnight delivery, {domain}', '{kw} | {kw2} | {brand} pharmacy'],
    ],
    phrases: [['{Kw}', '{Kw} {year}', 'Buy {Kw}'], ['{Kw} Online', '{Kw} - {Brand}', 'Cheap {Kw}']],
    brandSuffix: [['Pharmacy', 'Meds', 'Rx'], ['Pills', 'Drugstore', 'Health']],
  },
  loans: {
    keywords: [
      ['payday loans', 'instant loans', 'bad credit loans', 'cash advance', 'fast cash', 'quick loans no credit check',
        'payday loan online'],
      ['same day loans', 'title loans', 'guaranteed approval loans', 'emergency cash now', 'loans for bad credit',
        'installment loans online'],
    ],
    promo: [
      ['{n}. {brand}: {kw} up to ${num}, approval in minutes!', 'Need money fast? Get {kw} at {domain} {emoji}', '{brand} - {kw}, {contact}'],
      ['{n}) {brand} | {kw} with no paperwork', 'Apply for {kw} at {brand} and get cash today', '{kw} and {kw2}: {domain}'],
    ],
    phrases: [['{Kw}', '{Kw} Online', 'Fast {Kw}'], ['{Kw} {year}', '{Kw} - {Brand}']],
    brandSuffix: [['Loans', 'Cash', 'Lending'], ['Credit', 'Money', 'Finance']],
  },
  'replica-goods': {
    keywords: [
      ['replica watches', 'fake rolex', 'replica handbags', 'cheap designer bags', 'knockoff sneakers', 'replica louis vuitton'],
      ['swiss replica watches', 'aaa replica bags', 'fake designer shoes', 'replica omega', 'luxury replica outlet'],
    ],
    promo: [
      ['{n}. {brand}: {kw} at {pct}% off {emoji}', 'Buy {kw} at {domain}, free shipping'],
      ['{brand} | {kw} | {kw2} - 1:1 quality', '{n}) Shop {kw} at {brand}, {contact}'],
    ],
    phrases: [['{Kw}', 'Cheap {Kw}'], ['{Kw} Outlet', '{Kw} - {Brand}']],
    brandSuffix: [['Watches', 'Replica'], ['Luxe', 'Outlet']],
  },
  adult: {
    keywords: [
      ['escort service', 'adult dating', 'live sex cams', 'hookup tonight', 'xxx videos', 'nude chat'],
      ['call girls', 'sexy singles', 'adult webcam', 'erotic massage', 'porn tube'],
    ],
    promo: [
      ['{n}. {brand}: {kw} in your city {emoji}', 'Meet {kw} at {domain}'],
      ['{brand} - {kw} and {kw2}, free signup', '{n}) {kw} now at {brand}'],
    ],
    phrases: [['{Kw}', 'Free {Kw}'], ['{Kw} Tonight', '{Kw} - {Brand}']],
    brandSuffix: [['Dates', 'Cams'], ['Lovers', 'Flirt']],
  },
  'fake-documents': {
    keywords: [
      ['fake id', 'buy fake diploma', 'fake passport', 'novelty driver license', 'buy degree online'],
      ['fake transcripts', 'real registered passport', 'scannable fake id', 'buy college diploma', 'counterfeit documents'],
    ],
    promo: [
      ['{n}. {brand}: {kw}, shipped worldwide, {contact}', 'Order {kw} at {domain} {emoji}'],
      ['{brand} | {kw} | {kw2} - 100% undetectable', '{n}) Get your {kw} from {brand}'],
    ],
    phrases: [['{Kw}', 'Buy {Kw}'], ['{Kw} Online', '{Kw} - {Brand}']],
    brandSuffix: [['Docs', 'IDs'], ['Papers', 'Diplomas']],
  },
  'margin-lending': {
    keywords: [
      ['forex trading signals', 'binary options', 'crypto leverage trading', '100x leverage', 'forex broker bonus',
        'copy trading'],
      ['margin trading platform', 'bitcoin futures 125x', 'forex no deposit bonus', 'cfd trading app', 'trade with leverage'],
    ],
    promo: [
      ['{n}. {brand}: {kw} with up to {num}x leverage!', 'Start {kw} at {domain} - ${num} bonus {emoji}'],
      ['{brand} | {kw} | {kw2}, spreads from 0.{num} pips', '{n}) Open a {kw} account at {brand}, {contact}'],
    ],
    phrases: [['{Kw}', 'Best {Kw}'], ['{Kw} {year}', '{Kw} - {Brand}']],
    brandSuffix: [['Markets', 'FX', 'Trade'], ['Capital', 'Invest', 'Broker']],
  },
  'game-servers': {
    keywords: [
      ['cheap wow gold', 'runescape gold', 'private server', 'buy game accounts', 'power leveling'],
      ['osrs gold cheap', 'fifa coins', 'wow private server', 'mmorpg boosting', 'game currency shop'],
    ],
    promo: [
      ['{n}. {brand}: {kw}, instant delivery {emoji}', 'Buy {kw} at {domain}'],
      ['{brand} | {kw} | {kw2} - {pct}% off', '{n}) {kw} from {brand}'],
    ],
    phrases: [['{Kw}', 'Cheap {Kw}'], ['{Kw} Shop', '{Kw} - {Brand}']],
    brandSuffix: [['Gold', 'Gaming'], ['Coins', 'Boost']],
  },
  promo: {
    keywords: [
      ['download the app', 'limited time offer', 'exclusive deal', 'claim your bonus', 'sign up free'],
      ['get the app now', 'special discount', 'flash sale', 'redeem your coupon', 'join today'],
    ],
    promo: [
      ['{n}. {brand}: {kw} and get ${num} credit {emoji}', '{Kw} - {brand} gives new users {pct}% off, {domain}'],
      ['{brand}: {kw}! Offer ends soon', '{n}) {Kw} at {brand} and earn ${num} cashback'],
    ],
    phrases: [['{Brand} {Kw}', '{Kw}'], ['{Kw} - {Brand}', '{Brand} App']],
    brandSuffix: [['App', 'Deals'], ['Rewards', 'Shop']],
  },
  'seo-keywords': {
    keywords: [
      ['free download', 'full movie online', 'watch online free', 'pdf download', 'lyrics', 'torrent', 'mp3 download',
        'hd wallpaper', 'cheap flights'],
      ['streaming free', 'full episode', 'epub free', 'movie 720p', 'soundtrack download', 'crack keygen', 'apk mod',
        'best price'],
    ],
    promo: [['{kw} {kw2} {brand}'], ['{brand} {kw} {kw2}']],
    phrases: [['{Kw}', '{Kw} {Kw2}'], ['{Kw2} {Kw}', '{Kw} - {Kw2}']],
    brandSuffix: [['Hub', 'Portal'], ['Zone', 'Central']],
  },
};

// ---------------------------------------------------------------- ja (keyword hack)
const ja: TopicTable = {
  'replica-goods': {
    keywords: [
      ['スーパーコピー', '激安', 'ブランド偽物', 'コピー時計', 'ロレックス スーパーコピー', 'ルイヴィトン 偽物', 'シャネル コピー',
        'エルメス 激安', 'ブランドコピー 代引き', 'N級品'],
      ['偽物 販売', 'オメガ スーパーコピー', 'グッチ 激安 通販', 'ウブロ コピー', 'ブランド財布 コピー', 'プラダ 偽物',
        'カルティエ スーパーコピー', 'S級品 通販'],
    ],
    promo: [
      ['{n}. {brand}:{kw}専門店、送料無料!', '{kw}は{brand}へ、代引き対応 {emoji}', '{brand} - {kw} {kw2} 最高品質'],
      ['【{brand}】{kw}・{kw2}、{pct}%OFFセール中', '{n}) {kw}通販なら{brand} {domain}', '{brand}:人気{kw}、即日発送'],
    ],
    phrases: [['{kw}', '{kw} {kw2}', '{kw}専門店'], ['{kw}通販', '{kw}|{brand}', '{kw2} {kw}']],
    brandSuffix: [['コピー', 'ブランド'], ['ショップ', '専門店']],
  },
  gambling: {
    keywords: [
      ['オンラインカジノ', '入金不要ボーナス', 'スロット', 'ネットカジノ', 'ブックメーカー', 'バカラ'],
      ['仮想通貨カジノ', 'ライブカジノ', 'オンラインポーカー', 'スポーツベット', '出金早いカジノ'],
    ],
    promo: [
      ['{n}. {brand}:{kw}で{num}ドル獲得!', '{kw}なら{brand} {emoji}'],
      ['【{brand}】{kw}・{kw2} 登録で{num}円', '{n}) {brand}で{kw}、{domain}'],
    ],
    phrases: [['{kw}', '{kw} {kw2}'], ['{kw}おすすめ', '{kw}|{brand}']],
    brandSuffix: [['カジノ', 'ベット'], ['スピン', 'ラッキー']],
  },
  adult: {
    keywords: [['出会い系', '無料アダルト', 'エロ動画', 'セフレ'], ['人妻 出会い', 'ライブチャット', 'アダルト動画 無料', '風俗']],
    promo: [['{n}. {brand}:{kw}完全無料 {emoji}', '{kw}なら{brand}'], ['【{brand}】{kw}・{kw2}', '{n}) {brand}で{kw}']],
    phrases: [['{kw}', '{kw} {kw2}'], ['{kw}サイト', '{kw}|{brand}']],
    brandSuffix: [['ラブ', 'ナイト'], ['チャット', 'デート']],
  },
  loans: {
    keywords: [['即日融資', 'ブラックでも借りれる', '消費者金融', 'キャッシング'], ['審査なし 融資', '即日キャッシング', '闇金', 'ソフト闇金']],
    promo: [['{n}. {brand}:{kw}、最短{num}分', '{kw}は{brand}へ {emoji}'], ['【{brand}】{kw}・{kw2}', '{n}) {brand}の{kw}']],
    phrases: [['{kw}', '{kw} {kw2}'], ['{kw}おすすめ', '{kw}|{brand}']],
    brandSuffix: [['ローン', 'キャッシュ'], ['ファイナンス', 'マネー']],
  },
  pharma: {
    keywords: [['バイアグラ 通販', 'シアリス 個人輸入', 'ED治療薬 激安', '精力剤'], ['レビトラ 通販', '睡眠薬 通販', 'ダイエット薬', '媚薬']],
    promo: [['{n}. {brand}:{kw}、正規品保証', '{kw}は{brand} {emoji}'], ['【{brand}】{kw}・{kw2}', '{n}) {brand}で{kw}']],
    phrases: [['{kw}', '{kw} {kw2}'], ['{kw}最安値', '{kw}|{brand}']],
    brandSuffix: [['薬局', 'ファーマ'], ['くすり', 'ヘルス']],
  },
  'seo-keywords': {
    keywords: [['無料ダウンロード', '動画 無料', 'まとめ', '最新情報', '口コミ'], ['高画質', '完全版', '評判', 'ランキング', '最安値']],
    promo: [['{kw} {kw2} {brand}'], ['{brand} {kw} {kw2}']],
    phrases: [['{kw}', '{kw} {kw2}'], ['{kw2} {kw}', '{kw}|{kw2}']],
    brandSuffix: [['ナビ', 'ネット'], ['ポータル', 'まとめ']],
  },
  promo: {
    keywords: [['アプリをダウンロード', '期間限定', '今だけ無料', 'クーポン配布'], ['新規登録特典', 'ポイント還元', '限定セール']],
    promo: [['{n}. {brand}:{kw}、{num}ポイント進呈 {emoji}', '{brand}で{kw}'], ['【{brand}】{kw}中!', '{n}) {kw}は{brand}']],
    phrases: [['{brand} {kw}', '{kw}'], ['{kw}|{brand}', '{brand}公式']],
    brandSuffix: [['アプリ', 'ストア'], ['モール', 'プラス']],
  },
};

// ---------------------------------------------------------------- id (Indonesian)
const id: TopicTable = {
  gambling: {
    keywords: [
      ['slot gacor', 'situs judi', 'slot online', 'judi online', 'situs slot gacor hari ini', 'togel online', 'bandar bola',
        'slot88', 'rtp slot', 'maxwin', 'link alternatif', 'daftar slot'],
      ['slot deposit pulsa', 'agen judi bola', 'scatter hitam', 'pola gacor', 'bocoran slot', 'situs toto', 'judi bola resmi',
        'slot thailand', 'akun pro', 'bandar togel terpercaya'],
    ],
    promo: [
      ['{n}. {brand}: {kw} terpercaya, deposit {num}rb {emoji}', 'Daftar {kw} di {brand} sekarang, bonus {pct}%!',
        '{brand} - {kw} gampang maxwin, WA {wa}', '{kw} {kw2} hanya di {domain}'],
      ['{n}) {brand} | {kw} | {kw2}, withdraw cepat', 'Main {kw} di {brand}, dijamin jp {emoji}', '{brand}: {kw} resmi, link {domain}'],
    ],
    phrases: [['{kw}', '{kw} {kw2}', '{Brand} {kw}'], ['{kw} - {Brand}', '{kw} terbaru', '{kw2} {kw}']],
    brandSuffix: [['88', 'slot', 'bet', 'toto'], ['win', 'gacor', 'jp', 'hoki']],
  },
  loans: {
    keywords: [['pinjol', 'pinjaman online', 'pinjol cepat cair', 'dana tunai'], ['pinjol tanpa bi checking', 'kredit tanpa agunan', 'pinjaman kilat', 'pinjol legal']],
    promo: [['{n}. {brand}: {kw} cair {num} menit {emoji}', 'Butuh dana? {kw} di {brand}, WA {wa}'], ['{brand} | {kw} | {kw2}', '{n}) Ajukan {kw} di {domain}']],
    phrases: [['{kw}', '{kw} {kw2}'], ['{kw} terbaru', '{kw} - {Brand}']],
    brandSuffix: [['dana', 'cair'], ['kredit', 'tunai']],
  },
  pharma: {
    keywords: [['obat kuat', 'viagra asli', 'obat pembesar', 'obat aborsi'], ['cialis asli', 'obat tidur', 'jual obat penggugur', 'obat perangsang']],
    promo: [['{n}. {brand}: {kw} COD, WA {wa}', 'Jual {kw} di {brand} {emoji}'], ['{brand} | {kw} | {kw2}', '{n}) {kw} original di {domain}']],
    phrases: [['{kw}', '{kw} {kw2}'], ['jual {kw}', '{kw} - {Brand}']],
    brandSuffix: [['herbal', 'sehat'], ['farma', 'medika']],
  },
  adult: {
    keywords: [['bokep', 'video dewasa', 'cewek panggilan'], ['open bo', 'live streaming dewasa', 'vcs']],
    promo: [['{n}. {brand}: {kw} gratis {emoji}', '{kw} di {domain}'], ['{brand} | {kw} | {kw2}', '{n}) Nonton {kw} di {brand}']],
    phrases: [['{kw}', '{kw} {kw2}'], ['{kw} terbaru', '{kw} - {Brand}']],
    brandSuffix: [['tv', 'hot'], ['live', 'xx']],
  },
  promo: {
    keywords: [['download aplikasi', 'promo terbatas', 'gratis ongkir', 'bonus member baru'], ['klaim voucher', 'diskon besar', 'cashback']],
    promo: [['{n}. {brand}: {kw} {pct}% {emoji}', 'Yuk {kw} {brand}, {domain}'], ['{brand}: {kw} hari ini!', '{n}) {kw} di {brand}']],
    phrases: [['{Brand} {kw}', '{kw}'], ['{kw} - {Brand}', '{Brand} app']],
    brandSuffix: [['app', 'mart'], ['shop', 'pay']],
  },
  'seo-keywords': {
    keywords: [['download gratis', 'nonton film', 'lirik lagu', 'streaming gratis', 'berita terkini'], ['film terbaru sub indo', 'mp3 gratis', 'drakor', 'apk mod terbaru']],
    promo: [['{kw} {kw2} {brand}'], ['{brand} {kw} {kw2}']],
    phrases: [['{kw}', '{kw} {kw2}'], ['{kw2} {kw}', '{kw} - {kw2}']],
    brandSuffix: [['21', 'id'], ['xxi', 'indo']],
  },
};

export const TOPICS: Record<SpamLang, TopicTable> = { zh, en, ja, id };

/** Categories available for a language (link-farm is built from the other topics' keywords). */
export function topicCategories(lang: SpamLang): Category[] {
  return Object.keys(TOPICS[lang]) as Category[];
}

// ---------------------------------------------------------------- brand syllables
export const BRAND_SYLLABLES: Record<SpamLang, Split2<string>> = {
  zh: [
    ['启泰', '鑫盛', '恒达', '汇金', '融通', '永利', '宏图', '聚财', '万鼎', '金牛', '富盈', '嘉禾', '天盛', '瑞丰', '华信', '东方'],
    ['银河', '泰和', '昌隆', '福瑞', '中盈', '广源', '兴业', '大唐', '金沙', '盛世', '玖富', '安鑫', '博源', '凯撒'],
  ],
  en: [
    ['Spin', 'Lucky', 'Royal', 'Gold', 'Star', 'Mega', 'Cash', 'Prime', 'Ace', 'Blue', 'Max', 'Quick'],
    ['Jade', 'Titan', 'Crown', 'Nova', 'Zen', 'Wild', 'Silver', 'Rapid', 'Vivid', 'Apex', 'Swift'],
  ],
  ja: [
    ['ルナ', 'サクラ', 'ゴールド', 'キング', 'スター', 'ハッピー', 'ロイヤル'],
    ['ミラクル', 'クイーン', 'ドリーム', 'プラチナ', 'エース', 'ビクトリー'],
  ],
  id: [
    ['Mega', 'Raja', 'Dewa', 'Naga', 'Hoki', 'Garuda', 'Koi', 'Pragma', 'Sultan'],
    ['Zeus', 'Bos', 'Mahjong', 'Olympus', 'Bintang', 'Petir', 'Rajawali'],
  ],
};

/** Pinyin/latin syllables for domain names. */
export const DOMAIN_SYLLABLES: Split2<string> = [
  ['qi', 'tai', 'xin', 'sheng', 'jin', 'hui', 'peizi', 'yl', 'bet', 'win', 'spin', 'lucky', 'cash', 'gacor', 'slot', 'fx', 'ok', 'vip8'],
  ['hong', 'li', 'cai', 'fu', 'tz', 'gg', 'play', 'jack', 'dana', 'maxwin', 'toto', 'rx', 'zone', 'hk', 'go88'],
];
export const TLDS: Split2<string> = [
  ['.com', '.net', '.cn', '.org', '.info', '.us.com'],
  ['.top', '.vip', '.xyz', '.cc', '.club', '.online', '.site'],
];

export const EMOJI: Split2<string> = [
  ['🔥', '💰', '✅', '👉', '🎰', '⭐'],
  ['💎', '🚀', '🎁', '✨', '💯', '🏆'],
];

/** "友情链接:" style labels in front of link blocks. */
export const LINK_LABELS: Record<SpamLang, Split2<string>> = {
  zh: [['友情链接:', '合作伙伴:', '友情链接：'], ['友链:', '相关站点:', '推荐网站:']],
  en: [['Partner sites:', 'Friends:', 'Blogroll:'], ['Useful links:', 'Our partners:', 'Resources:']],
  ja: [['相互リンク:', 'おすすめサイト:'], ['リンク集:', '関連サイト:']],
  id: [['Link terkait:', 'Situs partner:'], ['Link alternatif:', 'Situs rekomendasi:']],
};

/** Slogans for spam-site branding (header). Slots as for promo. */
export const SLOGANS: Record<SpamLang, Split2<string>> = {
  zh: [['{kw}交易平台', '专业的{kw}门户', '{kw}首选', '{kw}_{kw2}'], ['{kw}资讯网', '值得信赖的{kw}服务商', '{kw}|{kw2}']],
  en: [['Your #1 {kw} guide', 'The best {kw} since {year}', '{Kw} & {Kw2}'], ['Trusted {kw} reviews', '{Kw} news and offers']],
  ja: [['{kw}専門サイト', '{kw}・{kw2}情報'], ['人気{kw}ナビ', '{kw}比較サイト']],
  id: [['{Kw} terpercaya', 'Situs {kw} no 1'], ['{Kw} resmi {year}', 'Agen {kw} terbaik']],
};

/** Footer lines for spam-site branding. {site} = brand name. */
export const FOOTERS: Record<SpamLang, Split2<string>> = {
  zh: [['Copyright © {year} {site} 版权所有', '{site} 版权所有 {domain}', '本站:{site} 联系QQ:{qq}'],
    ['© {year} {site} All Rights Reserved', '{site}({domain})提供{kw}', '关于{site} | 联系我们 | 免责声明']],
  en: [['Copyright © {year} {site}. All rights reserved.', '{site} - {domain}'], ['© {year} {site} | {kw}', 'Powered by {site}']],
  ja: [['Copyright © {year} {site} All Rights Reserved.', '{site} 運営事務局'], ['© {site} {year}', '{site}|{kw}']],
  id: [['Copyright © {year} {site}', '{site} - {kw} terpercaya'], ['© {year} {site} | {domain}', 'Hak cipta {site}']],
};

/** Hidden-block methods (see page/types HiddenReason). */
export const HIDDEN_METHODS = ['display-none', 'offscreen', 'font-size-zero', 'text-indent', 'stylesheet'] as const;
export type HiddenMethod = (typeof HIDDEN_METHODS)[number];

/**
 * Topic-independent promo templates per language, mixed with each topic's own (same slots). Mixed punctuation,
 * full-width forms, emoji, numbering styles and contact handles, as seen in the wild.
 */
export const GENERIC_PROMO: Record<SpamLang, Split2<string>> = {
  zh: [
    ['{n}. {brand}:{kw},{kw2},详情咨询{contact}', '★{brand}★ {kw} 官方网址:{domain}', '{kw}哪家好?推荐{brand},{year}年口碑第一',
      '({n}){brand}——专注{kw}{num}年,{contact}', '【推荐】{kw}就上{brand} {emoji}{emoji}', '{brand}官网{domain}:{kw}、{kw2}一站式服务',
      '{n}、{kw}首选{brand}!{pct}%用户好评', '温馨提示:{kw}请认准{brand}官方网站{domain}'],
    ['{n}.{brand}【{kw}】火热招募中,{contact}', '☆{kw}☆{kw2}☆ 认准{brand} {domain}', '{brand}:{year}最新{kw}入口 👉 {domain}',
      '〔{n}〕{kw}、{kw2}找{brand},{contact}', '{kw}? 来{brand}! 已服务{num}万用户 {emoji}', '热门推荐:{brand}{kw}({domain})',
      '{n}/ {brand} · {kw} · {kw2} · 咨询{contact}'],
  ],
  en: [
    ['{n}. {brand} - {kw} and {kw2}. Visit {domain}', '>> {Kw} at {brand} << {emoji}', 'Trusted since {year}: {brand} for {kw} ({domain})',
      '{n}) {kw}? Try {brand} today, {contact}', '*** {brand}: #1 {kw} site *** {domain}', 'Click here for {kw}: {domain} {emoji}',
      '{brand} offers {kw} - {pct}% off this week only!'],
    ['{n}] {brand} ~ {kw} ~ {kw2} ~ {domain}', '--> {Kw} deals at {brand} {emoji}', 'Rated {pct}/100 by users: {brand} for {kw}',
      '{n}/ Get {kw} now at {domain} ({contact})', '[{brand}] {Kw}, {kw2} & more - since {year}', 'Hot: {kw} from {brand} ➜ {domain}'],
  ],
  ja: [
    ['{n}. {brand}:{kw}・{kw2}はこちら {domain}', '★{kw}★ {brand}公式サイト {emoji}', '【{year}年最新】{kw}なら{brand}',
      '{kw}の{brand}、{contact}', '{n}) 人気の{kw}を{pct}%OFFで!{brand}'],
    ['{n}.【{brand}】{kw}|{kw2}|{domain}', '☆{brand}☆ {kw}、今すぐチェック {emoji}', '{kw}ランキング1位:{brand}({domain})',
      '{n}) {brand}で{kw}、{contact}'],
  ],
  id: [
    ['{n}. {brand}: {kw}, {kw2}, hubungi {contact}', '>> {Kw} di {brand} << {domain}', '{brand} - situs {kw} terpercaya sejak {year} {emoji}',
      '{n}) Daftar {kw} di {domain} sekarang!', '★ {brand} ★ {kw} bonus {pct}%'],
    ['{n}] {brand} | {kw} | {kw2} | {domain}', '--> {Kw} gacor di {brand} {emoji}', 'Link resmi {brand}: {domain}, {contact}',
      '{n}/ {kw} terbaik {year} hanya di {brand}'],
  ],
};

/** Topic-independent title/splice phrase templates per language (mixed with each topic's own). */
export const GENERIC_PHRASES: Record<SpamLang, Split2<string>> = {
  zh: [['{kw}网', '最新{kw}', '{kw}推荐', '{year}{kw}', '{kw}官网', '专业{kw}'], ['{kw}排行榜', '靠谱的{kw}', '{kw}入口', '{kw}哪家好', '{kw}指南']],
  en: [['{Kw} Guide', '{Kw} Deals', 'Official {Kw}', '{Kw} Online {year}'], ['{Kw} Reviews {year}', 'Top Rated {Kw}', '{Kw} Near Me', 'Trusted {Kw}']],
  ja: [['{kw}人気', '{kw} 安い', '{kw}公式', '{kw} 最新'], ['{kw} おすすめ {year}', '格安{kw}', '{kw} 口コミ', '話題の{kw}']],
  id: [['{kw} resmi', 'daftar {kw}', '{kw} terpercaya', '{kw} {year}'], ['link {kw} terbaru', '{kw} hari ini', 'agen {kw}', '{kw} no 1']],
};
