<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <source> (packaged)</source>
            <translation>（安装版）</translation>
        </message>
        <message>
            <source>Qt</source>
            <translation>Qt</translation>
        </message>
        <message>
            <source>Python</source>
            <translation>Python</translation>
        </message>
        <message>
            <source>SQLite</source>
            <translation>SQLite</translation>
        </message>
        <message>
            <source>Profile folder</source>
            <translation>数据文件夹</translation>
        </message>
        <message>
            <source>Platform address</source>
            <translation>平台地址</translation>
        </message>
        <message>
            <source>not signed in</source>
            <translation>尚未登录</translation>
        </message>
        <message>
            <source>About Zhanggui</source>
            <translation>关于掌柜</translation>
        </message>
        <message>
            <source>Zhanggui 掌柜</source>
            <translation>掌柜 Zhanggui</translation>
        </message>
        <message>
            <source>The shop owner's desktop workbench: your shop's orders, store managers, customers and posters on this computer, working offline and syncing with the platform.</source>
            <translation>店主的桌面工具场：店铺的订单、店长、顾客和海报都在这台电脑上，离线也能用，并与平台同步。</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>复制(&amp;C)</translation>
        </message>
        <message>
            <source>Copy these lines, for example to send them to support</source>
            <translation>复制这些信息，例如发给客服</translation>
        </message>
    </context>
    <context>
        <name>AddPersonDialog</name>
        <message>
            <source>Add a person</source>
            <translation>添加人员</translation>
        </message>
        <message>
            <source>An assistant reviews orders, picks products, prints posters and reads customers and charts; release decisions, earnings and people stay yours. A store manager sees her own sub-store only.</source>
            <translation>助理可以审核订单、选品、打印海报，查看顾客和图表；放手决定、收益和人员仍由您掌管。店长只能看到自己的分店。</translation>
        </message>
        <message>
            <source>Assistant</source>
            <translation>助理</translation>
        </message>
        <message>
            <source>Store manager</source>
            <translation>店长</translation>
        </message>
        <message>
            <source>Sub-store of</source>
            <translation>所属分店</translation>
        </message>
        <message>
            <source>e.g. 王小丫</source>
            <translation>例如 王小丫</translation>
        </message>
        <message>
            <source>e.g. xiaoya: letters and digits</source>
            <translation>例如 xiaoya：字母和数字</translation>
        </message>
        <message>
            <source>&amp;Role</source>
            <translation>角色(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>姓名(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;User name</source>
            <translation>用户名(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Copy the code</source>
            <translation>复制注册码(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>添加(&amp;A)</translation>
        </message>
        <message>
            <source>A user name is letters (a–z), digits, dots, dashes or underscores, up to 32 of them.</source>
            <translation>用户名由字母（a–z）、数字、点、短横线或下划线组成，最多 32 个。</translation>
        </message>
        <message>
            <source>Asking the platform…</source>
            <translation>正在询问平台…</translation>
        </message>
        <message>
            <source>%1 signs up with the shop code, the user name %2 and this one-time code, then chooses a password of their own:</source>
            <translation>%1 用店铺代码、用户名 %2 和这个一次性注册码注册，然后自己设置密码：</translation>
        </message>
        <message>
            <source>The code works once, until %1. It is shown only now: copy it or write it down before you close this window.</source>
            <translation>注册码只能使用一次，有效期至 %1。它只在此刻显示：关闭窗口前请复制或记下。</translation>
        </message>
    </context>
    <context>
        <name>AlertPanel</name>
        <message>
            <source>Alerts</source>
            <translation>提醒</translation>
        </message>
        <message>
            <source>No alerts. New release requests, deadlines near, refused actions and a failing sync show here.</source>
            <translation>暂无提醒。新的放手申请、即将到期的任务阶段、被拒绝的操作和同步失败都会显示在这里。</translation>
        </message>
        <message>
            <source>Show or hide the alerts</source>
            <translation>显示或隐藏提醒</translation>
        </message>
        <message>
            <source>Alerts (%1)</source>
            <translation>提醒（%1）</translation>
        </message>
    </context>
    <context>
        <name>AlertSettingsDialog</name>
        <message>
            <source>Alerts</source>
            <translation>提醒</translation>
        </message>
        <message>
            <source>Tell me about:</source>
            <translation>提醒我：</translation>
        </message>
    </context>
    <context>
        <name>AlertWords</name>
        <message>
            <source>New release requests</source>
            <translation>新的放手申请</translation>
        </message>
        <message>
            <source>Stage deadlines within 3 days</source>
            <translation>3 天内到期的任务阶段</translation>
        </message>
        <message>
            <source>Actions the platform refused</source>
            <translation>平台拒绝的操作</translation>
        </message>
        <message>
            <source>Sync failing for more than 30 minutes</source>
            <translation>同步失败超过 30 分钟</translation>
        </message>
        <message>
            <source>New release request</source>
            <translation>新的放手申请</translation>
        </message>
        <message>
            <source>Stage deadline near</source>
            <translation>任务阶段即将到期</translation>
        </message>
        <message>
            <source>The platform refused an action</source>
            <translation>平台拒绝了一项操作</translation>
        </message>
        <message>
            <source>Sync is failing</source>
            <translation>同步一直失败</translation>
        </message>
        <message>
            <source>%1 asks to be released from your shop.</source>
            <translation>%1 申请放手，成为店主。</translation>
        </message>
        <message>
            <source>%1's current stage ends %2 and is not complete.</source>
            <translation>%1 的当前任务阶段将于 %2 到期，尚未完成。</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>No sync has worked since %1. Your work is kept on this computer.</source>
            <translation>自 %1 起同步一直没有成功。您的操作都保存在本机。</translation>
        </message>
        <message>
            <source>Your review of order #%1</source>
            <translation>您对订单 #%1 的核对</translation>
        </message>
        <message>
            <source>Your decision on release request #%1</source>
            <translation>您对放手申请 #%1 的决定</translation>
        </message>
        <message>
            <source>Your pick of product #%1</source>
            <translation>您对商品 #%1 的选品</translation>
        </message>
        <message>
            <source>A poster print</source>
            <translation>一次海报打印</translation>
        </message>
        <message>
            <source>Your withdrawal request</source>
            <translation>您的提现申请</translation>
        </message>
        <message>
            <source>the platform gave no reason</source>
            <translation>平台没有给出原因</translation>
        </message>
        <message numerus="yes">
            <source>%Ln new alert(s)</source>
            <translation>
                <numerusform>%Ln 条新提醒</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
    </context>
    <context>
        <name>ApprovalDialog</name>
        <message>
            <source>Release request</source>
            <translation>放手申请</translation>
        </message>
        <message>
            <source>Loading the request…</source>
            <translation>正在读取申请…</translation>
        </message>
        <message>
            <source>Reason (needed to decline, optional to approve)</source>
            <translation>理由（拒绝时必填，同意时可不填）</translation>
        </message>
        <message>
            <source>&amp;Approve…</source>
            <translation>同意放手(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Decline…</source>
            <translation>暂不放手(&amp;D)…</translation>
        </message>
        <message>
            <source>Reason:</source>
            <translation>理由：</translation>
        </message>
        <message>
            <source>This release request is not in this shop.</source>
            <translation>本店没有这条放手申请。</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>同意</translation>
        </message>
        <message>
            <source>Please give a reason for declining.</source>
            <translation>拒绝时请填写理由。</translation>
        </message>
        <message>
            <source>%1 asks to become an independent shop owner (requested on %2)</source>
            <translation>%1申请独立开店（%2 提出）</translation>
        </message>
        <message>
            <source>The reason you began last time is kept here.</source>
            <translation>上次写了一半的理由保留在这里。</translation>
        </message>
        <message>
            <source>To decide, choose Approve… or Decline….</source>
            <translation>要做决定，请点“同意…”或“拒绝…”。</translation>
        </message>
        <message>
            <source>Your reason could not be kept as a draft: %1</source>
            <translation>理由未能保存为草稿：%1</translation>
        </message>
        <message>
            <source>Approve %1's release?</source>
            <translation>同意%1的放手申请？</translation>
        </message>
        <message>
            <source>Decline %1's release?</source>
            <translation>拒绝%1的放手申请？</translation>
        </message>
        <message>
            <source>Decline</source>
            <translation>拒绝</translation>
        </message>
        <message>
            <source>This request was decided already.</source>
            <translation>这条申请已经处理过了。</translation>
        </message>
        <message>
            <source>Recording your decision…</source>
            <translation>正在记录您的决定…</translation>
        </message>
        <message>
            <source>Your reason: %1</source>
            <translation>您的理由：%1</translation>
        </message>
        <message>
            <source>You can decide again.</source>
            <translation>您可以重新决定。</translation>
        </message>
        <message>
            <source>It goes to the platform with the next sync.</source>
            <translation>下次同步时发送给平台。</translation>
        </message>
        <message>
            <source>%1 on %2.</source>
            <translation>%1（%2）。</translation>
        </message>
        <message>
            <source>Reason given: %1</source>
            <translation>理由：%1</translation>
        </message>
        <message>
            <source>Nobody has decided yet. Nothing changes until you decide and the next sync sends your decision to the platform.</source>
            <translation>尚未处理。在您做出决定并在下次同步时发送给平台之前，一切保持不变。</translation>
        </message>
        <message>
            <source>On the platform: %1.</source>
            <translation>平台状态：%1。</translation>
        </message>
    </context>
    <context>
        <name>Arriving</name>
        <message numerus="yes">
            <source>%Ln order(s)</source>
            <translation>
                <numerusform>%Ln 笔订单</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln customer(s)</source>
            <translation>
                <numerusform>%Ln 位顾客</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln product(s)</source>
            <translation>
                <numerusform>%Ln 件商品</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln store manager(s)</source>
            <translation>
                <numerusform>%Ln 位店长</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln sale event(s)</source>
            <translation>
                <numerusform>%Ln 个档期</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln release request(s)</source>
            <translation>
                <numerusform>%Ln 个放手申请</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln brand(s)</source>
            <translation>
                <numerusform>%Ln 个品牌</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln change(s) received so far</source>
            <translation>
                <numerusform>已收到 %Ln 条更新</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BalancePanel</name>
        <message>
            <source>Pending</source>
            <translation>待结算</translation>
        </message>
        <message>
            <source>Available</source>
            <translation>可提现</translation>
        </message>
        <message>
            <source>Being withdrawn</source>
            <translation>提现中</translation>
        </message>
        <message>
            <source>Withdrawn</source>
            <translation>已提现</translation>
        </message>
        <message>
            <source>Becomes available</source>
            <translation>何时可提现</translation>
        </message>
        <message>
            <source>&amp;Withdraw…</source>
            <translation>提现(&amp;W)…</translation>
        </message>
        <message>
            <source>Ask the platform to pay money out (Ctrl+W)</source>
            <translation>向平台申请提现到银行卡 (Ctrl+W)</translation>
        </message>
        <message>
            <source>%1 paid orders not yet on a statement</source>
            <translation>%1 笔已付款订单尚未结算</translation>
        </message>
        <message>
            <source>withdraw from %1</source>
            <translation>最低提现 %1</translation>
        </message>
        <message>
            <source>asked for, not yet paid out</source>
            <translation>已申请，平台尚未打款</translation>
        </message>
        <message>
            <source>nothing being paid out</source>
            <translation>没有进行中的提现</translation>
        </message>
        <message>
            <source>paid to your bank account</source>
            <translation>已打款到银行卡</translation>
        </message>
        <message>
            <source>%1 more once %2 orders on their way are delivered and their window closes</source>
            <translation>另有 %1：%2 笔订单签收且售后期结束后可结算</translation>
        </message>
        <message>
            <source>%1 overdue: see Reconciliation</source>
            <translation>%1 已逾期未结算：见“对账”</translation>
        </message>
        <message>
            <source>The statement of %1 pays %2</source>
            <translation>%1 的结算单将结算 %2</translation>
        </message>
    </context>
    <context>
        <name>BulkTriage</name>
        <message>
            <source>Mark</source>
            <translation>标记</translation>
        </message>
        <message>
            <source>Mark the selected orders (Space, Ctrl+1, Ctrl+2, Ctrl+0)</source>
            <translation>标记选中的订单（空格、Ctrl+1、Ctrl+2、Ctrl+0）</translation>
        </message>
        <message>
            <source>Mark selected as reviewed</source>
            <translation>将选中的标为已核对</translation>
        </message>
        <message>
            <source>Mark selected as not reviewed</source>
            <translation>将选中的标为未核对</translation>
        </message>
        <message>
            <source>Flag selected as problem</source>
            <translation>将选中的标为有问题</translation>
        </message>
        <message>
            <source>Flag selected for follow-up</source>
            <translation>将选中的标为待跟进</translation>
        </message>
        <message>
            <source>Clear the flag of selected</source>
            <translation>清除选中订单的标记</translation>
        </message>
        <message>
            <source>Select all orders in this filter</source>
            <translation>选中此筛选下的全部订单</translation>
        </message>
        <message>
            <source>Undo the last marking</source>
            <translation>撤销上一次标记</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>The last marking is still being written.</source>
            <translation>上一次标记仍在写入。</translation>
        </message>
        <message>
            <source>Select the orders to mark first.</source>
            <translation>请先选中要标记的订单。</translation>
        </message>
        <message numerus="yes">
            <source>Undone: %Ln order(s) are back as they were.</source>
            <translation>
                <numerusform>已撤销：%Ln 个订单恢复原样。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>This marking cannot be undone: %Ln order(s) were sent to the platform already. Nothing was changed.</source>
            <translation>
                <numerusform>这次标记无法撤销：已有 %Ln 个订单发送到平台。没有做任何更改。</numerusform>
            </translation>
        </message>
        <message>
            <source>All %1 orders in this filter are selected.</source>
            <translation>已选中此筛选下的全部 %1 个订单。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln order(s) selected.</source>
            <translation>
                <numerusform>已选中 %Ln 个订单。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Marked %Ln order(s) as reviewed.</source>
            <translation>
                <numerusform>已将 %Ln 个订单标为已核对。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Marked %Ln order(s) as not reviewed.</source>
            <translation>
                <numerusform>已将 %Ln 个订单标为未核对。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Flagged %Ln order(s) as problem.</source>
            <translation>
                <numerusform>已将 %Ln 个订单标为有问题。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Flagged %Ln order(s) for follow-up.</source>
            <translation>
                <numerusform>已将 %Ln 个订单标为待跟进。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Cleared the flag of %Ln order(s).</source>
            <translation>
                <numerusform>已清除 %Ln 个订单的标记。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CatalogueFilterBar</name>
        <message>
            <source>All categories</source>
            <translation>全部类目</translation>
        </message>
        <message>
            <source>All brands</source>
            <translation>全部品牌</translation>
        </message>
        <message>
            <source>Min</source>
            <translation>最低</translation>
        </message>
        <message>
            <source>Lowest retail price</source>
            <translation>最低建议零售价</translation>
        </message>
        <message>
            <source>Max</source>
            <translation>最高</translation>
        </message>
        <message>
            <source>Highest retail price</source>
            <translation>最高建议零售价</translation>
        </message>
        <message>
            <source>Any commission</source>
            <translation>佣金不限</translation>
        </message>
        <message>
            <source>In stock</source>
            <translation>有货</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <source>Clear the filters</source>
            <translation>清除筛选条件</translation>
        </message>
        <message>
            <source>Search products or brands</source>
            <translation>搜索商品或品牌</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>价格</translation>
        </message>
    </context>
    <context>
        <name>CatalogueWorkspace</name>
        <message>
            <source>Catalogue</source>
            <translation>选品中心</translation>
        </message>
        <message>
            <source>Sorted by a list column</source>
            <translation>按列表中的列排序</translation>
        </message>
        <message>
            <source>Sort the products</source>
            <translation>商品排序</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>大图</translation>
        </message>
        <message>
            <source>List</source>
            <translation>列表</translation>
        </message>
        <message>
            <source>My picks</source>
            <translation>我的选品</translation>
        </message>
        <message>
            <source>Only the products picked for your shop</source>
            <translation>只看已选入本店的商品</translation>
        </message>
        <message>
            <source>Make posters…</source>
            <translation>制作海报…</translation>
        </message>
        <message>
            <source>QR posters of the chosen product</source>
            <translation>为选中的商品制作二维码海报</translation>
        </message>
        <message>
            <source>My picks (%1)</source>
            <translation>我的选品（%1）</translation>
        </message>
        <message>
            <source>All products</source>
            <translation>全部商品</translation>
        </message>
    </context>
    <context>
        <name>ChartWords</name>
        <message numerus="yes">
            <source>%Ln other store(s)</source>
            <translation>
                <numerusform>其余 %Ln 家店</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln order(s)</source>
            <translation>
                <numerusform>%Ln 笔订单</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ChartsWorkspace</name>
        <message>
            <source>Sales charts</source>
            <translation>销售图表</translation>
        </message>
        <message>
            <source>Sales and orders</source>
            <translation>销售额与订单</translation>
        </message>
        <message>
            <source>By category</source>
            <translation>按类目</translation>
        </message>
        <message>
            <source>By store</source>
            <translation>按店铺</translation>
        </message>
        <message>
            <source>Customer growth</source>
            <translation>顾客增长</translation>
        </message>
        <message>
            <source>Commission</source>
            <translation>佣金</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>近 30 天</translation>
        </message>
        <message>
            <source>Last 90 days</source>
            <translation>近 90 天</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <source>Last month</source>
            <translation>上月</translation>
        </message>
        <message>
            <source>Last 12 months</source>
            <translation>近 12 个月</translation>
        </message>
        <message>
            <source>All time</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Custom dates</source>
            <translation>自定义日期</translation>
        </message>
        <message>
            <source>Bucket size</source>
            <translation>统计周期</translation>
        </message>
        <message>
            <source>No comparison</source>
            <translation>不对比</translation>
        </message>
        <message>
            <source>Compare with the period before</source>
            <translation>对比上一周期</translation>
        </message>
        <message>
            <source>Compare with a year before</source>
            <translation>对比去年同期</translation>
        </message>
        <message>
            <source>Draw the sales of the period before, or of a year before, over the bars</source>
            <translation>在柱形上叠加上一周期或去年同期的销售额</translation>
        </message>
        <message>
            <source>Save picture…</source>
            <translation>保存图片…</translation>
        </message>
        <message>
            <source>Save data as CSV…</source>
            <translation>导出数据 CSV…</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Point at the chart to read exact figures.</source>
            <translation>将鼠标移到图表上，查看精确数值。</translation>
        </message>
        <message>
            <source>Sales (¥)</source>
            <translation>销售额（元）</translation>
        </message>
        <message>
            <source>No sales yet. Charts appear here once the first orders are paid.</source>
            <translation>还没有销售。第一笔订单付款后，这里就会出现图表。</translation>
        </message>
        <message>
            <source>Range</source>
            <translation>时间范围</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>PNG picture (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
        <message>
            <source>CSV file (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <source>The file could not be saved: %1</source>
            <translation>文件无法保存：%1</translation>
        </message>
        <message>
            <source>Save chart</source>
            <translation>保存图表</translation>
        </message>
    </context>
    <context>
        <name>Consequences</name>
        <message numerus="yes">
            <source>%Ln customer(s) left with %1</source>
            <translation>
                <numerusform>%Ln 位顾客已随%1离开</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln customer(s) would leave</source>
            <translation>
                <numerusform>将有 %Ln 位顾客离开</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln other customer(s) of the sub-store stay with you. Only customers with a paid order in the sub-store of %1 leave; everyone else stays.</source>
            <translation>
                <numerusform>子店其余 %Ln 位顾客继续留在您的店。只有在%1子店有已付款订单的顾客才会离开，其他顾客全部留下。</numerusform>
            </translation>
        </message>
        <message>
            <source>In the last %1 days they bought %2 from you: %3 of your shop's sales (%4).</source>
            <translation>近 %1 天他们在您店里消费 %2，占本店销售额（%4）的 %3。</translation>
        </message>
        <message>
            <source>None of their orders is still open.</source>
            <translation>他们没有未完结的订单。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln open order(s) of theirs are affected: %1, with %2 commission.</source>
            <translation>
                <numerusform>受影响的未完结订单 %Ln 笔：金额 %1，佣金 %2。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln public-domain customer(s) allocated</source>
            <translation>
                <numerusform>平台补充公域顾客 %Ln 位</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln customer(s) will leave with %1 and belong to %1's new shop.</source>
            <translation>
                <numerusform>%Ln 位顾客将随%1离开，归入%1新开的店铺。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln other customer(s) of the sub-store stay with you.</source>
            <translation>
                <numerusform>子店其余 %Ln 位顾客继续留在您的店。</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 becomes an independent shop owner. The platform then allocates new public-domain customers to you in the coming days.</source>
            <translation>%1将成为独立店主。随后几天平台会为您补充新的公域流量顾客。</translation>
        </message>
        <message>
            <source>%1 stays your store manager and every customer stays with you (%2 would have left).</source>
            <translation>%1继续做您的店长，所有顾客都留在您的店（原本会有 %2 位离开）。</translation>
        </message>
        <message>
            <source>They bought %1 of the last %2 days' sales (%3). Their open orders: %4, with %5 commission.</source>
            <translation>他们贡献了近 %2 天销售额中的 %1（%3）。未完结订单金额 %4，佣金 %5。</translation>
        </message>
        <message>
            <source>Once synced, this cannot be undone.</source>
            <translation>同步后无法撤销。</translation>
        </message>
        <message>
            <source>Your reason: %1</source>
            <translation>您的理由：%1</translation>
        </message>
    </context>
    <context>
        <name>Counted</name>
        <message numerus="yes">
            <source>%Ln minute(s) ago</source>
            <translation>
                <numerusform>%Ln 分钟前</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln hour(s) ago</source>
            <translation>
                <numerusform>%Ln 小时前</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln product(s)</source>
            <translation>
                <numerusform>%Ln 件商品</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>in %Ln minute(s)</source>
            <translation>
                <numerusform>%Ln 分钟后</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>Zhanggui ran into a problem</source>
            <translation>掌柜遇到了问题</translation>
        </message>
        <message>
            <source>Something went wrong that Zhanggui did not expect</source>
            <translation>发生了掌柜没有预料到的错误</translation>
        </message>
        <message>
            <source>Zhanggui has to close. Your shop's data is safe: everything you saved is kept, and actions waiting to sync are sent when you start Zhanggui again.</source>
            <translation>掌柜需要关闭。您的店铺数据是安全的：已保存的内容都在，待同步的操作会在下次启动掌柜时发送。</translation>
        </message>
        <message>
            <source>Your shop's data is safe: everything you saved is kept, and actions waiting to sync will still be sent. You can go on working; if the problem comes back, close Zhanggui and start it again.</source>
            <translation>您的店铺数据是安全的：已保存的内容都在，待同步的操作仍会发送。您可以继续工作；如果问题再次出现，请关闭掌柜后重新打开。</translation>
        </message>
        <message>
            <source>A report was written to %1. It holds no customer details and no passwords: you can send it to support.</source>
            <translation>错误报告已保存到 %1。报告中没有顾客信息和密码，可以放心发给客服。</translation>
        </message>
        <message>
            <source>The report could not be saved. Copy it to send it to support: it holds no customer details and no passwords.</source>
            <translation>错误报告无法保存。请复制后发给客服：报告中没有顾客信息和密码。</translation>
        </message>
        <message>
            <source>Show the report</source>
            <translation>查看报告</translation>
        </message>
        <message>
            <source>&amp;Copy report</source>
            <translation>复制报告(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Open folder</source>
            <translation>打开文件夹(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Keep working</source>
            <translation>继续工作(&amp;K)</translation>
        </message>
        <message>
            <source>Copied</source>
            <translation>已复制</translation>
        </message>
    </context>
    <context>
        <name>CustomerDetailPane</name>
        <message>
            <source>Changes of owner</source>
            <translation>归属变更</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>订单</translation>
        </message>
        <message>
            <source>Select a customer to see which store they belong to and why.</source>
            <translation>选择一位顾客，查看其归属门店及原因。</translation>
        </message>
        <message>
            <source>%1 · %2 spent · %3</source>
            <translation>%1 · 消费 %2 · %3</translation>
        </message>
        <message numerus="yes">
            <source>%Ln paid order(s)</source>
            <translation>
                <numerusform>%Ln 笔付款订单</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln order(s)</source>
            <translation>
                <numerusform>%Ln 个订单</numerusform>
            </translation>
        </message>
        <message>
            <source>No change of owner recorded yet: the customer has not paid an order, so they stay with the store they joined through.</source>
            <translation>暂无归属变更：该顾客还没有付款订单，仍归属其进入时的门店。</translation>
        </message>
        <message>
            <source>First order</source>
            <translation>首单</translation>
        </message>
        <message>
            <source>Latest order</source>
            <translation>最近一单</translation>
        </message>
        <message>
            <source>No orders yet.</source>
            <translation>暂无订单。</translation>
        </message>
        <message>
            <source>%1: %2, %3, %4 (%5) in %6</source>
            <translation>%1：%2，%3，%4（%5），%6</translation>
        </message>
    </context>
    <context>
        <name>CustomerFilterBar</name>
        <message>
            <source>All stores</source>
            <translation>全部门店</translation>
        </message>
        <message>
            <source>Left with a released manager</source>
            <translation>随放手店长离开</translation>
        </message>
        <message>
            <source>Any way</source>
            <translation>全部来源</translation>
        </message>
        <message>
            <source>Search name, phone or city</source>
            <translation>搜索姓名、手机号或城市</translation>
        </message>
    </context>
    <context>
        <name>CustomersWorkspace</name>
        <message>
            <source>Customers</source>
            <translation>顾客</translation>
        </message>
        <message>
            <source>Traffic compensation</source>
            <translation>公域流量补偿</translation>
        </message>
        <message numerus="yes">
            <source>%Ln customer(s)</source>
            <translation>
                <numerusform>%Ln 位顾客</numerusform>
            </translation>
        </message>
        <message>
            <source>No customer matches these filters.</source>
            <translation>没有符合筛选条件的顾客。</translation>
        </message>
        <message>
            <source>No customers yet: they appear here after their first order in your store or a store manager's sub-store, once the shop has synced.</source>
            <translation>暂无顾客：顾客在您的自营店或店长分店下第一单、并同步之后会显示在这里。</translation>
        </message>
    </context>
    <context>
        <name>DashboardWorkspace</name>
        <message>
            <source>Dashboard</source>
            <translation>经营概况</translation>
        </message>
        <message>
            <source>Today at a glance</source>
            <translation>今日一览</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>立即同步</translation>
        </message>
        <message>
            <source>Today's orders</source>
            <translation>今日订单</translation>
        </message>
        <message>
            <source>Today's sales</source>
            <translation>今日销售额</translation>
        </message>
        <message>
            <source>Orders, last 7 days</source>
            <translation>近 7 天订单</translation>
        </message>
        <message>
            <source>Sales, last 7 days</source>
            <translation>近 7 天销售额</translation>
        </message>
        <message>
            <source>Today's commission</source>
            <translation>今日佣金</translation>
        </message>
        <message>
            <source>Available balance</source>
            <translation>可提现余额</translation>
        </message>
        <message>
            <source>Available this week</source>
            <translation>本周将可提现</translation>
        </message>
        <message>
            <source>Release requests</source>
            <translation>放手申请</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>待同步</translation>
        </message>
        <message>
            <source>Refused by the platform</source>
            <translation>平台拒绝</translation>
        </message>
        <message>
            <source>Last sync</source>
            <translation>上次同步</translation>
        </message>
        <message>
            <source>Orders and sales</source>
            <translation>订单与销售</translation>
        </message>
        <message>
            <source>Your earnings</source>
            <translation>我的收益</translation>
        </message>
        <message>
            <source>Waiting for you</source>
            <translation>待您处理</translation>
        </message>
        <message>
            <source>Best-selling products today</source>
            <translation>今日热销商品</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Pieces</source>
            <translation>件数</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>销售额</translation>
        </message>
        <message>
            <source>Best sub-stores today</source>
            <translation>今日分店排行</translation>
        </message>
        <message>
            <source>Sub-store</source>
            <translation>分店</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>订单数</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>同步</translation>
        </message>
        <message>
            <source>Paid, to ship</source>
            <translation>待发货</translation>
        </message>
        <message>
            <source>Refunded today</source>
            <translation>今日退款</translation>
        </message>
        <message>
            <source>Cancelled today</source>
            <translation>今日取消</translation>
        </message>
        <message>
            <source>Managers at risk</source>
            <translation>有风险的店长</translation>
        </message>
        <message>
            <source>Sales ending today</source>
            <translation>今日结束的档期</translation>
        </message>
        <message>
            <source>Opens these orders</source>
            <translation>打开这些订单</translation>
        </message>
        <message>
            <source>Opens the release requests</source>
            <translation>打开放手申请</translation>
        </message>
        <message>
            <source>Opens these managers</source>
            <translation>打开这些店长</translation>
        </message>
        <message>
            <source>Opens your earnings</source>
            <translation>打开收益</translation>
        </message>
        <message>
            <source>Opens these sale events</source>
            <translation>打开这些档期</translation>
        </message>
        <message>
            <source>from paid orders</source>
            <translation>按已付款订单计</translation>
        </message>
        <message>
            <source>placed since midnight</source>
            <translation>今天零点以来下的单</translation>
        </message>
        <message>
            <source>today and the 6 days before</source>
            <translation>今天及之前 6 天</translation>
        </message>
        <message>
            <source>none waiting</source>
            <translation>暂无待处理</translation>
        </message>
        <message>
            <source>for your decision</source>
            <translation>等您决定</translation>
        </message>
        <message>
            <source>your changes, sent at the next sync</source>
            <translation>您的改动，下次同步时发送</translation>
        </message>
        <message>
            <source>everything is sent</source>
            <translation>已全部发送</translation>
        </message>
        <message>
            <source>actions the platform did not accept</source>
            <translation>平台未接受的操作</translation>
        </message>
        <message>
            <source>nothing refused</source>
            <translation>没有被拒绝的操作</translation>
        </message>
        <message>
            <source>Not yet</source>
            <translation>尚未同步</translation>
        </message>
        <message>
            <source>sync to fetch your shop's data</source>
            <translation>同步后即可获取店铺数据</translation>
        </message>
        <message>
            <source>yesterday by now %1 %2</source>
            <translation>昨日同时段 %1 %2</translation>
        </message>
        <message>
            <source>last %1 by now %2 %3</source>
            <translation>上%1同时段 %2 %3</translation>
        </message>
        <message>
            <source>everything paid is shipped</source>
            <translation>已付款的都已发货</translation>
        </message>
        <message>
            <source>of today's orders</source>
            <translation>今天下的订单中</translation>
        </message>
        <message>
            <source>paid, not shipped yet</source>
            <translation>已付款、尚未发货</translation>
        </message>
        <message>
            <source>may miss the deadline</source>
            <translation>可能赶不上截止日</translation>
        </message>
        <message>
            <source>none at risk</source>
            <translation>没有风险</translation>
        </message>
        <message>
            <source>sale events ending before midnight</source>
            <translation>午夜前结束的档期</translation>
        </message>
        <message>
            <source>none ends today</source>
            <translation>今天没有结束的</translation>
        </message>
        <message>
            <source>Own store</source>
            <translation>自营店</translation>
        </message>
        <message>
            <source>No paid orders yet today.</source>
            <translation>今天还没有已付款的订单。</translation>
        </message>
        <message>
            <source>No orders yet today.</source>
            <translation>今天还没有订单。</translation>
        </message>
        <message>
            <source>your share of %1 on today's paid orders</source>
            <translation>今日订单佣金 %1 中您的份额</translation>
        </message>
        <message>
            <source>settled, ready to withdraw</source>
            <translation>已结算，可随时提现</translation>
        </message>
        <message>
            <source>with the statement of %1</source>
            <translation>随 %1 的结算单到账</translation>
        </message>
        <message>
            <source>Orders placed today, since midnight (%1) on this computer's clock, whatever their status: waiting for payment, paid or cancelled.</source>
            <translation>今天（按本机时钟，自午夜 %1 起）下的订单，不论状态：待付款、已付款或已取消都算。</translation>
        </message>
        <message>
            <source>What today's orders that are paid came to: paid, shipped or completed. Orders waiting for payment, cancelled or refunded are not counted.</source>
            <translation>今天的订单中已付款（已付款、已发货或已完成）的金额合计。待付款、已取消和已退款的订单不计入。</translation>
        </message>
        <message>
            <source>Orders placed since %1: today and the 6 days before, on this computer's clock, whatever their status.</source>
            <translation>自 %1 起下的订单：今天和之前 6 天（按本机时钟），不论状态。</translation>
        </message>
        <message>
            <source>What the paid orders of the last 7 days came to: paid, shipped or completed.</source>
            <translation>近 7 天已付款订单（已付款、已发货或已完成）的金额合计。</translation>
        </message>
        <message>
            <source>Release requests waiting for your decision: a store manager completed every stage and asks to become an owner. Click to open them.</source>
            <translation>等待您决定的放手申请：店长已完成全部任务阶段，申请成为店主。点击打开。</translation>
        </message>
        <message>
            <source>Orders paid and not shipped yet, placed on any day. Click to open them in the orders workspace.</source>
            <translation>已付款、尚未发货的订单，不论哪天下单。点击在订单中打开。</translation>
        </message>
        <message>
            <source>Orders placed today that were refunded since. Click to open them.</source>
            <translation>今天下单、之后已退款的订单。点击打开。</translation>
        </message>
        <message>
            <source>Orders placed today that were cancelled since. Click to open them.</source>
            <translation>今天下单、之后已取消的订单。点击打开。</translation>
        </message>
        <message>
            <source>Store managers whose forecast says they may not reach their stage's targets before its deadline. Click to open them.</source>
            <translation>按预测可能无法在截止日前达成本阶段目标的店长。点击打开。</translation>
        </message>
        <message>
            <source>Brand sale events on now that end before midnight: the last chance to promote their products. Click to open them in the catalogue.</source>
            <translation>正在进行、午夜前结束的品牌档期：推广其商品的最后机会。点击在选品中心打开。</translation>
        </message>
        <message>
            <source>What you did on this computer that the platform has not received yet; it goes at the next sync.</source>
            <translation>您在本机的操作中平台尚未收到的部分，将在下次同步时发送。</translation>
        </message>
        <message>
            <source>What you did that the platform did not accept; where you did it, it says why.</source>
            <translation>平台未接受的操作；在您操作的地方可以看到原因。</translation>
        </message>
        <message>
            <source>The last sync with the platform ended %1, on this computer's clock.</source>
            <translation>上次与平台同步结束于 %1（本机时钟）。</translation>
        </message>
        <message>
            <source>This computer has not synced with the platform yet.</source>
            <translation>本机还没有与平台同步过。</translation>
        </message>
        <message>
            <source>Your share of the commission of the orders paid today (since midnight on this computer's clock) that are still paid: their commission less the store managers' shares. Refunded and cancelled orders are not counted.</source>
            <translation>今天（按本机时钟，自午夜起）付款且仍为已付款状态的订单中，您应得的佣金：订单佣金减去店长的分成。已退款和已取消的订单不计入。</translation>
        </message>
        <message>
            <source>What the weekly statements have paid you, less what you withdrew or asked to withdraw: what you can withdraw now.</source>
            <translation>每周结算单已付给您的金额，减去已提现和申请提现中的金额：即现在可以提现的金额。</translation>
        </message>
        <message>
            <source>What the statement of %1 adds to your available balance.</source>
            <translation>%1 的结算单将加入可用余额的金额。</translation>
        </message>
        <message>
            <source>What the coming weekly statement adds to your available balance.</source>
            <translation>下一张周结算单将加入可用余额的金额。</translation>
        </message>
        <message>
            <source> Below: yesterday and the same weekday last week, each up to this time of day.</source>
            <translation>下方：昨天和上周同一天，各自截至当前时刻。</translation>
        </message>
        <message>
            <source>Fetching your shop's data from the platform for the first time. Your figures appear here as soon as it has arrived.</source>
            <translation>正在第一次从平台获取店铺数据。数据一到，经营数字就会显示在这里。</translation>
        </message>
        <message>
            <source>Sending your actions to the platform, then fetching your shop…</source>
            <translation>正在把您的操作发送到平台，随后获取店铺数据…</translation>
        </message>
        <message>
            <source>Fetching your shop's data for the first time: %1.</source>
            <translation>正在第一次获取店铺数据：%1。</translation>
        </message>
        <message>
            <source>arriving…</source>
            <translation>正在获取…</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>正在进行</translation>
        </message>
        <message>
            <source>the first sync is under way</source>
            <translation>第一次同步正在进行</translation>
        </message>
        <message>
            <source>Figures as of %1, the last sync.</source>
            <translation>以下数据截至 %1（上次同步）。</translation>
        </message>
        <message>
            <source>The platform could not be reached since; what you do here waits and goes at the next sync.</source>
            <translation>此后一直连不上平台；您在这里的操作会保留，下次同步时发送。</translation>
        </message>
        <message>
            <source>This computer has none of your shop's data yet. Sync now to fetch your orders from the platform.</source>
            <translation>这台电脑上还没有您店铺的数据。立即同步，从平台获取您的订单。</translation>
        </message>
        <message>
            <source>No orders in the last 7 days. Sync now to fetch the newest orders.</source>
            <translation>近 7 天没有订单。立即同步，获取最新订单。</translation>
        </message>
        <message>
            <source>Cannot read the figures: %1</source>
            <translation>无法读取数据：%1</translation>
        </message>
    </context>
    <context>
        <name>DecisionLogModel</name>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>操作人</translation>
        </message>
        <message>
            <source>Store manager</source>
            <translation>店长</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>决定</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>理由</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>结果</translation>
        </message>
    </context>
    <context>
        <name>DifferencesModel</name>
        <message>
            <source>Order no.</source>
            <translation>订单号</translation>
        </message>
        <message>
            <source>Placed</source>
            <translation>下单日期</translation>
        </message>
        <message>
            <source>Store</source>
            <translation>门店</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>By the rules</source>
            <translation>按规则应得</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>已结算</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>差额</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>说明</translation>
        </message>
    </context>
    <context>
        <name>DossierView</name>
        <message>
            <source>Stage</source>
            <translation>任务阶段</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>开始</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Assessment</source>
            <translation>考核</translation>
        </message>
        <message>
            <source>Released on</source>
            <translation>放手日期</translation>
        </message>
        <message>
            <source>Since then</source>
            <translation>此后</translation>
        </message>
        <message>
            <source>Store manager</source>
            <translation>店长</translation>
        </message>
        <message>
            <source>No earlier releases: nothing was allocated yet.</source>
            <translation>以前没有放手过，平台尚未补充公域顾客。</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>顾客</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>手机</translation>
        </message>
        <message>
            <source>Paid orders</source>
            <translation>已付款订单</translation>
        </message>
        <message>
            <source>Proof: paid orders in the sub-store</source>
            <translation>依据：在子店的已付款订单</translation>
        </message>
        <message>
            <source>Path through the stages</source>
            <translation>任务进阶路径</translation>
        </message>
        <message>
            <source>What the shop gives up</source>
            <translation>本店的损失</translation>
        </message>
        <message>
            <source>After your earlier releases</source>
            <translation>以往放手后的补充</translation>
        </message>
        <message>
            <source>Who would leave</source>
            <translation>哪些顾客会离开</translation>
        </message>
        <message>
            <source>Who left</source>
            <translation>哪些顾客已离开</translation>
        </message>
    </context>
    <context>
        <name>EarningsWorkspace</name>
        <message>
            <source>Earnings</source>
            <translation>收益</translation>
        </message>
        <message>
            <source>Last 12 months</source>
            <translation>近 12 个月</translation>
        </message>
        <message>
            <source>Last 24 months</source>
            <translation>近 24 个月</translation>
        </message>
        <message>
            <source>All months</source>
            <translation>全部月份</translation>
        </message>
        <message>
            <source>Point at the chart to read exact figures.</source>
            <translation>将鼠标移到图上可查看精确数字。</translation>
        </message>
        <message>
            <source>&amp;Statements</source>
            <translation>结算单(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Income by month</source>
            <translation>月度收入(&amp;I)</translation>
        </message>
        <message>
            <source>With&amp;drawals</source>
            <translation>提现记录(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Reconciliation</source>
            <translation>对账(&amp;R)</translation>
        </message>
        <message>
            <source>Cannot read your earnings: %1</source>
            <translation>无法读取收益：%1</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
        <message>
            <source>The statement was not saved</source>
            <translation>结算单未能保存</translation>
        </message>
    </context>
    <context>
        <name>EventsPanel</name>
        <message>
            <source>All products</source>
            <translation>全部商品</translation>
        </message>
        <message>
            <source>Show all</source>
            <translation>显示全部</translation>
        </message>
        <message>
            <source>Show every sale event on now, not only those ending today</source>
            <translation>显示正在进行的全部档期，而不只是今天结束的</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message numerus="yes">
            <source>%Ln sale event(s) ending today</source>
            <translation>
                <numerusform>%Ln 个档期今天结束</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln sale event(s) on now</source>
            <translation>
                <numerusform>%Ln 个档期进行中</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln sale event(s) coming up</source>
            <translation>
                <numerusform>%Ln 个档期即将开始</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln sale event(s) ended</source>
            <translation>
                <numerusform>%Ln 个档期已结束</numerusform>
            </translation>
        </message>
        <message>
            <source>No sale event on now ends today.</source>
            <translation>正在进行的档期今天都不结束。</translation>
        </message>
        <message>
            <source>No sale event is on right now.</source>
            <translation>当前没有进行中的档期。</translation>
        </message>
        <message>
            <source>No sale event has been announced yet.</source>
            <translation>暂无即将开始的档期。</translation>
        </message>
        <message>
            <source>No sale event has ended yet.</source>
            <translation>暂无已结束的档期。</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <source>All stores</source>
            <translation>全部门店</translation>
        </message>
        <message>
            <source>All categories</source>
            <translation>全部类目</translation>
        </message>
        <message>
            <source>Any review state</source>
            <translation>全部核对状态</translation>
        </message>
        <message>
            <source>Any money</source>
            <translation>全部结算状态</translation>
        </message>
        <message>
            <source>Orders whose commission the statements paid otherwise</source>
            <translation>结算单所付佣金与规则不一致的订单</translation>
        </message>
        <message>
            <source>Search order no., customer or product</source>
            <translation>搜索订单号、顾客或商品</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;Sync now</source>
            <translation>立即同步(&amp;S)</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>立即同步</translation>
        </message>
        <message>
            <source>Send your changes and fetch the newest data (F5)</source>
            <translation>发送您的改动并获取最新数据 (F5)</translation>
        </message>
        <message>
            <source>&amp;Cancel sync</source>
            <translation>取消同步(&amp;C)</translation>
        </message>
        <message>
            <source>Cancel sync</source>
            <translation>取消同步</translation>
        </message>
        <message>
            <source>Sign &amp;in again…</source>
            <translation>重新登录(&amp;I)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;About Zhanggui</source>
            <translation>关于掌柜(&amp;A)</translation>
        </message>
        <message>
            <source>Open the &amp;log folder</source>
            <translation>打开日志文件夹(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Restore a backup…</source>
            <translation>恢复备份(&amp;R)…</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>Toolbar</source>
            <translation>工具栏</translation>
        </message>
        <message>
            <source>Search orders (Ctrl+F)</source>
            <translation>搜索订单 (Ctrl+F)</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>查找(&amp;F)…</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>查看(&amp;V)</translation>
        </message>
        <message>
            <source>Show &amp;navigation</source>
            <translation>显示导航栏(&amp;N)</translation>
        </message>
        <message>
            <source>Show &amp;toolbar</source>
            <translation>显示工具栏(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>%1 — Zhanggui</source>
            <translation>%1 — 掌柜</translation>
        </message>
        <message>
            <source>Sending your actions to the platform, then quitting…</source>
            <translation>正在把您的操作发送到平台，发送完就退出…</translation>
        </message>
        <message>
            <source>A sync is already running</source>
            <translation>已有同步正在进行</translation>
        </message>
    </context>
    <context>
        <name>ManagerDetailPane</name>
        <message>
            <source>Review the release request…</source>
            <translation>处理放手申请…</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>任务阶段</translation>
        </message>
        <message>
            <source>Window</source>
            <translation>起止</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>销售额</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>顾客</translation>
        </message>
        <message>
            <source>Assessment</source>
            <translation>考核</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>顾客</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>手机</translation>
        </message>
        <message>
            <source>Since</source>
            <translation>绑定日期</translation>
        </message>
        <message>
            <source>Paid orders</source>
            <translation>付款订单</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>已付款</translation>
        </message>
        <message>
            <source>Placed</source>
            <translation>下单时间</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Order no.</source>
            <translation>订单号</translation>
        </message>
        <message>
            <source>Stage history</source>
            <translation>任务历程</translation>
        </message>
        <message>
            <source>Customers of the sub-store</source>
            <translation>分店顾客</translation>
        </message>
        <message>
            <source>Recent orders</source>
            <translation>最近订单</translation>
        </message>
        <message>
            <source>No store manager selected</source>
            <translation>未选择店长</translation>
        </message>
        <message>
            <source>Choose a store manager in the table to see them here.</source>
            <translation>在上方表格中选择一位店长，在这里查看详情。</translation>
        </message>
        <message>
            <source>joined %1</source>
            <translation>%1 加入</translation>
        </message>
        <message>
            <source>released %1</source>
            <translation>%1 放手</translation>
        </message>
        <message>
            <source>A release request is waiting for your decision: this manager has completed every stage and asks to become an owner.</source>
            <translation>有一份放手申请等您决定：这位店长已完成全部任务阶段，申请成为店主。</translation>
        </message>
        <message>
            <source>Completed %1</source>
            <translation>%1 完成</translation>
        </message>
        <message>
            <source>Failed %1</source>
            <translation>%1 未达成</translation>
        </message>
        <message>
            <source>%1 to %2</source>
            <translation>%1 至 %2</translation>
        </message>
        <message>
            <source>Left with the released store manager</source>
            <translation>已随放手的店长离开</translation>
        </message>
        <message numerus="yes">
            <source>%Ln customer(s) of the sub-store</source>
            <translation>
                <numerusform>分店顾客 %Ln 位</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln recent order(s)</source>
            <translation>
                <numerusform>最近订单 %Ln 笔</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 (the best %2 shown)</source>
            <translation>%1（显示消费最多的 %2 位）</translation>
        </message>
    </context>
    <context>
        <name>ManagerFilterBar</name>
        <message>
            <source>All stages</source>
            <translation>全部阶段</translation>
        </message>
        <message>
            <source>Any forecast</source>
            <translation>全部预测</translation>
        </message>
        <message>
            <source>Any progress</source>
            <translation>全部进度</translation>
        </message>
        <message>
            <source>Search name, city or phone (Ctrl+Shift+F)</source>
            <translation>搜索姓名、城市或手机号（Ctrl+Shift+F）</translation>
        </message>
        <message>
            <source>Stage %1 · %2</source>
            <translation>第 %1 阶段 · %2</translation>
        </message>
    </context>
    <context>
        <name>ManagersTableModel</name>
        <message>
            <source>Ended</source>
            <translation>已截止</translation>
        </message>
        <message numerus="yes">
            <source>%Ln day(s)</source>
            <translation>
                <numerusform>%Ln 天</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ManagersWorkspace</name>
        <message>
            <source>Store managers</source>
            <translation>店长</translation>
        </message>
        <message>
            <source>No store managers yet.

When people sell for you through a sub-store of your shop, they appear here with their stage, their progress and a forecast.</source>
            <translation>还没有店长。

有人通过您店铺的分店帮您卖货后，会在这里显示他们的任务阶段、进度和预测。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln store manager(s)</source>
            <translation>
                <numerusform>%Ln 位店长</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln on track</source>
            <translation>
                <numerusform>%Ln 位进度正常</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln at risk</source>
            <translation>
                <numerusform>%Ln 位有风险</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln stalled</source>
            <translation>
                <numerusform>%Ln 位停滞</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln past the deadline</source>
            <translation>
                <numerusform>%Ln 位已逾期</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln shown</source>
            <translation>
                <numerusform>显示 %Ln 位</numerusform>
            </translation>
        </message>
        <message>
            <source>none matches these filters</source>
            <translation>没有符合筛选条件的店长</translation>
        </message>
    </context>
    <context>
        <name>MonthsModel</name>
        <message>
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <source>Customers lost</source>
            <translation>流失顾客</translation>
        </message>
        <message>
            <source>Customers allocated</source>
            <translation>分配顾客</translation>
        </message>
        <message>
            <source>Net</source>
            <translation>净增</translation>
        </message>
        <message>
            <source>Sales lost</source>
            <translation>流失销售额</translation>
        </message>
        <message>
            <source>Sales brought</source>
            <translation>带来销售额</translation>
        </message>
        <message>
            <source>Net sales</source>
            <translation>销售额净增</translation>
        </message>
    </context>
    <context>
        <name>MyPathWorkspace</name>
        <message>
            <source>My path</source>
            <translation>我的晋升之路</translation>
        </message>
        <message>
            <source>Paid orders</source>
            <translation>已付款订单</translation>
        </message>
        <message>
            <source>My share, settled</source>
            <translation>我的分成（已结算）</translation>
        </message>
        <message>
            <source>My share, pending</source>
            <translation>我的分成（待结算）</translation>
        </message>
        <message>
            <source>Would come along today</source>
            <translation>今天会随您离开</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>Window</source>
            <translation>期限</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>销售额</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>顾客</translation>
        </message>
        <message>
            <source>Share</source>
            <translation>分成</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>顾客</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>已付款</translation>
        </message>
        <message>
            <source>Bound to</source>
            <translation>绑定于</translation>
        </message>
        <message>
            <source>Placed</source>
            <translation>下单时间</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Order no.</source>
            <translation>订单号</translation>
        </message>
        <message>
            <source>My stages</source>
            <translation>我的阶段</translation>
        </message>
        <message>
            <source>Customers who would come along today</source>
            <translation>今天会随您离开的顾客</translation>
        </message>
        <message>
            <source>My sub-store's orders</source>
            <translation>我分店的订单</translation>
        </message>
        <message>
            <source>Your path arrives with the first sync.

Once it is here you see your stages, what is left to do by when, and the customers who would come with you.</source>
            <translation>您的晋升之路会在第一次同步后到达。

到达后，您可以看到自己的各个阶段、何时之前还需完成什么，以及会随您离开的顾客。</translation>
        </message>
        <message>
            <source>My path · %1</source>
            <translation>我的晋升之路 · %1</translation>
        </message>
        <message>
            <source>%1 in sales, of %2 orders</source>
            <translation>销售额 %1，共 %2 单</translation>
        </message>
        <message>
            <source>on the weekly statements so far</source>
            <translation>截至目前的每周结算单</translation>
        </message>
        <message>
            <source>of paid orders not settled yet; your rate is %1 now</source>
            <translation>来自尚未结算的已付款订单；您当前的分成比例为 %1</translation>
        </message>
        <message>
            <source>of paid orders not settled yet</source>
            <translation>来自尚未结算的已付款订单</translation>
        </message>
        <message>
            <source>with a paid order in your sub-store; %1 bound to it</source>
            <translation>在您分店有已付款订单；其中 %1 位绑定于您的分店</translation>
        </message>
        <message>
            <source>your sub-store</source>
            <translation>您的分店</translation>
        </message>
        <message>
            <source>the shop</source>
            <translation>店铺</translation>
        </message>
        <message>
            <source>Customers who would come along today (%1)</source>
            <translation>今天会随您离开的顾客（%1）</translation>
        </message>
        <message>
            <source>My sub-store's orders (%1 newest of %2)</source>
            <translation>我分店的订单（共 %2 单中最新的 %1 单）</translation>
        </message>
        <message>
            <source>You were released: your own shop carries on with your customers.</source>
            <translation>您已被放手：您自己的店铺会带着您的顾客继续经营。</translation>
        </message>
        <message>
            <source>Every stage is behind you: your release request waits for the owner.</source>
            <translation>所有阶段都已完成：您的放手申请正在等待店主决定。</translation>
        </message>
        <message>
            <source>Every stage is behind you.</source>
            <translation>所有阶段都已完成。</translation>
        </message>
        <message>
            <source>Stage %1 of %2: %3 · %4</source>
            <translation>第 %1 阶段（共 %2 个）：%3 · %4</translation>
        </message>
        <message>
            <source>Left to do by %1 (%2 days): %3 in sales and %4 more paying customers.</source>
            <translation>在 %1 之前（还有 %2 天）还需：销售额 %3，再增加 %4 位付款顾客。</translation>
        </message>
        <message>
            <source>Every target of this stage is met.</source>
            <translation>本阶段的所有目标都已达成。</translation>
        </message>
        <message>
            <source>That is %1 of sales a day from now.</source>
            <translation>即从现在起每天需销售 %1。</translation>
        </message>
        <message>
            <source>At your pace so far you complete it on %1.</source>
            <translation>按目前的速度，您将在 %1 完成。</translation>
        </message>
        <message>
            <source>No sale for two weeks: the stage has stalled.</source>
            <translation>两周没有销售：本阶段已停滞。</translation>
        </message>
        <message>
            <source>Next: %1, where your share is %2.</source>
            <translation>下一阶段：%1，您的分成比例为 %2。</translation>
        </message>
        <message>
            <source>%1 days</source>
            <translation>%1 天</translation>
        </message>
        <message>
            <source>To come</source>
            <translation>待开始</translation>
        </message>
    </context>
    <context>
        <name>OrderCounts</name>
        <message numerus="yes">
            <source>%Ln order(s)</source>
            <translation>
                <numerusform>%Ln 笔订单</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln order(s) were written to %1.</source>
            <translation>
                <numerusform>已将 %Ln 笔订单写入 %1。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OrderDetailPane</name>
        <message>
            <source>Items</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>顾客</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>时间线</translation>
        </message>
        <message>
            <source>No order selected</source>
            <translation>未选择订单</translation>
        </message>
        <message>
            <source>Choose an order in the table to see it here.</source>
            <translation>在表格中选择一笔订单，在此查看详情。</translation>
        </message>
        <message>
            <source>This order cannot be read: %1</source>
            <translation>无法读取这笔订单：%1</translation>
        </message>
        <message>
            <source>This order is no longer on this computer.</source>
            <translation>这台电脑上已经没有这笔订单了。</translation>
        </message>
        <message>
            <source>%1 · %2 · commission %3</source>
            <translation>%1 · %2 · 佣金 %3</translation>
        </message>
        <message>
            <source>%1
%2 × %3 · commission %4</source>
            <translation>%1
%2 × %3 · 佣金 %4</translation>
        </message>
        <message>
            <source>Customer not yet synced</source>
            <translation>顾客资料尚未同步</translation>
        </message>
        <message>
            <source>%1 %2, %3
Belongs to %4 since %5 (%6)</source>
            <translation>%1 %2，%3
自 %5 起归属 %4（%6）</translation>
        </message>
        <message>
            <source>Left this shop with a released store manager</source>
            <translation>已随放手的店长离开本店</translation>
        </message>
        <message>
            <source>Reviewed by %1</source>
            <translation>由 %1 审核</translation>
        </message>
    </context>
    <context>
        <name>OrdersWorkspace</name>
        <message>
            <source>Orders</source>
            <translation>订单</translation>
        </message>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Saved views</source>
            <translation>已保存的视图</translation>
        </message>
        <message>
            <source>Save view…</source>
            <translation>保存视图…</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Export view to Excel (.xlsx)…</source>
            <translation>导出当前视图为 Excel (.xlsx)…</translation>
        </message>
        <message>
            <source>Export view to CSV…</source>
            <translation>导出当前视图为 CSV…</translation>
        </message>
        <message>
            <source>Export selected rows to Excel…</source>
            <translation>导出选中行为 Excel…</translation>
        </message>
        <message>
            <source>Order %1 no longer matches these filters (it changed); you are on the order that took its place.</source>
            <translation>订单 %1 已有变化，不再符合当前筛选；现在选中的是排在它位置上的订单。</translation>
        </message>
        <message>
            <source>(current filters)</source>
            <translation>（当前筛选）</translation>
        </message>
        <message>
            <source>Save view</source>
            <translation>保存视图</translation>
        </message>
        <message>
            <source>Name of this view:</source>
            <translation>视图名称：</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>Select the rows to export first.</source>
            <translation>请先选择要导出的行。</translation>
        </message>
    </context>
    <context>
        <name>PeopleWorkspace</name>
        <message>
            <source>People</source>
            <translation>人员</translation>
        </message>
        <message>
            <source>&amp;Add a person…</source>
            <translation>添加人员(&amp;A)…</translation>
        </message>
        <message>
            <source>An assistant, or a store manager's own sign-in, with a one-time code</source>
            <translation>助理，或店长自己的登录账号，使用一次性注册码</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Last sign-in</source>
            <translation>最近登录</translation>
        </message>
        <message>
            <source>Latest action</source>
            <translation>最近操作</translation>
        </message>
        <message>
            <source>Recent actions</source>
            <translation>最近操作</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>从未</translation>
        </message>
        <message>
            <source>%1 people sign in to your shop; %2 of them active.</source>
            <translation>共有 %1 人登录您的店铺；其中 %2 人处于启用状态。</translation>
        </message>
        <message>
            <source>Nobody but you yet. The list arrives with the next sync; add an assistant to share the order review.</source>
            <translation>目前只有您自己。名单会在下次同步时到达；添加一位助理来分担订单审核吧。</translation>
        </message>
        <message>
            <source>%1 can sign up now with the code you saw.</source>
            <translation>%1 现在可以用您看到的注册码注册了。</translation>
        </message>
        <message>
            <source>Disable this person?</source>
            <translation>停用此人员？</translation>
        </message>
        <message>
            <source>%1 is signed out of every computer at once and cannot sign in again until you let them in. What they did stays recorded.</source>
            <translation>%1 会立即在所有电脑上退出登录，在您重新允许之前无法再登录。其所做的操作仍会保留记录。</translation>
        </message>
        <message>
            <source>Disable</source>
            <translation>停用</translation>
        </message>
        <message>
            <source>Asking the platform…</source>
            <translation>正在询问平台…</translation>
        </message>
        <message>
            <source>%1 may sign in again.</source>
            <translation>%1 可以重新登录了。</translation>
        </message>
        <message>
            <source>%1 is disabled and signed out everywhere.</source>
            <translation>%1 已停用，并已在所有电脑上退出登录。</translation>
        </message>
        <message>
            <source>No one selected</source>
            <translation>未选择人员</translation>
        </message>
        <message>
            <source>User name: %1</source>
            <translation>用户名：%1</translation>
        </message>
        <message>
            <source>Sub-store of %1</source>
            <translation>%1 的分店</translation>
        </message>
        <message>
            <source>Last sign-in: %1</source>
            <translation>最近登录：%1</translation>
        </message>
        <message>
            <source>Has not signed in yet</source>
            <translation>尚未登录过</translation>
        </message>
        <message>
            <source>Disabled %1</source>
            <translation>已于 %1 停用</translation>
        </message>
        <message>
            <source>Let in again</source>
            <translation>重新启用</translation>
        </message>
        <message>
            <source>Disable…</source>
            <translation>停用…</translation>
        </message>
        <message>
            <source>Nothing recorded on this computer yet.</source>
            <translation>这台电脑上还没有记录。</translation>
        </message>
    </context>
    <context>
        <name>PosterControls</name>
        <message>
            <source>The shop</source>
            <translation>本店</translation>
        </message>
        <message>
            <source>A sale event</source>
            <translation>档期</translation>
        </message>
        <message>
            <source>Products</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>A store manager's sub-store</source>
            <translation>店长的小店</translation>
        </message>
        <message>
            <source>Customers who scan the shop's code shop in your store and stay bound to it.</source>
            <translation>顾客扫本店的码进店购物，并绑定到您的店铺。</translation>
        </message>
        <message>
            <source>No running or coming sale events</source>
            <translation>没有进行中或即将开始的档期</translation>
        </message>
        <message>
            <source>No active store managers</source>
            <translation>没有在职的店长</translation>
        </message>
        <message>
            <source>The language printed on the posters</source>
            <translation>海报上印刷的语言</translation>
        </message>
        <message>
            <source>Show my commission (for me only)</source>
            <translation>显示我的佣金（仅自己可见）</translation>
        </message>
        <message>
            <source>Never on posters for customers: the line says it is for you only.</source>
            <translation>请勿用于给顾客看的海报：这一行会注明仅自己可见。</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>导出 PDF…</translation>
        </message>
        <message>
            <source>Export PNG…</source>
            <translation>导出 PNG…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Poster for</source>
            <translation>海报内容</translation>
        </message>
        <message>
            <source>Layout</source>
            <translation>版式</translation>
        </message>
        <message>
            <source>Poster language</source>
            <translation>海报语言</translation>
        </message>
    </context>
    <context>
        <name>PosterStudio</name>
        <message>
            <source>Posters</source>
            <translation>海报</translation>
        </message>
        <message>
            <source>Drawing the posters…</source>
            <translation>正在生成海报…</translation>
        </message>
        <message>
            <source>Preparing the print…</source>
            <translation>正在准备打印…</translation>
        </message>
        <message>
            <source>Choose what the poster is for.</source>
            <translation>请选择海报的内容。</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message numerus="yes">
            <source>%Ln poster(s)</source>
            <translation>
                <numerusform>%Ln 张海报</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln page(s)</source>
            <translation>
                <numerusform>%Ln 页</numerusform>
            </translation>
        </message>
        <message>
            <source>PDF document (*.pdf)</source>
            <translation>PDF 文档 (*.pdf)</translation>
        </message>
        <message>
            <source>PNG picture (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
        <message>
            <source>Saved to %1.</source>
            <translation>已保存到 %1。</translation>
        </message>
        <message>
            <source>Print posters</source>
            <translation>打印海报</translation>
        </message>
        <message>
            <source>Sent to the printer.</source>
            <translation>已发送到打印机。</translation>
        </message>
        <message>
            <source>Cancelled; no file was written.</source>
            <translation>已取消，未写入任何文件。</translation>
        </message>
        <message>
            <source>The file could not be written: %1</source>
            <translation>无法写入文件：%1</translation>
        </message>
        <message>
            <source>Save posters</source>
            <translation>保存海报</translation>
        </message>
    </context>
    <context>
        <name>ProductBatch</name>
        <message>
            <source>Find products by name or brand</source>
            <translation>按商品名或品牌查找</translation>
        </message>
        <message>
            <source>Several words find products that have all of them</source>
            <translation>输入多个词，查找同时包含这些词的商品</translation>
        </message>
        <message>
            <source>My picks</source>
            <translation>我的选品</translation>
        </message>
        <message>
            <source>List the products picked for your shop</source>
            <translation>列出已为本店选品的商品</translation>
        </message>
        <message>
            <source>Tick all</source>
            <translation>全选</translation>
        </message>
        <message>
            <source>Tick every product listed</source>
            <translation>勾选列表中的全部商品</translation>
        </message>
        <message>
            <source>Tick none</source>
            <translation>全不选</translation>
        </message>
        <message>
            <source>Untick every product of the batch</source>
            <translation>取消勾选本批的全部商品</translation>
        </message>
        <message>
            <source>A batch holds at most %1 products.</source>
            <translation>每批最多 %1 件商品。</translation>
        </message>
        <message>
            <source>Find products, or list your picks, to make posters.</source>
            <translation>搜索商品，或列出我的选品，来制作海报。</translation>
        </message>
        <message>
            <source>No products match “%1”.</source>
            <translation>没有与“%1”匹配的商品。</translation>
        </message>
        <message>
            <source>You have not picked any products yet.</source>
            <translation>您还没有选品。</translation>
        </message>
        <message>
            <source>The first %1 of %2 matches; more words narrow the list.</source>
            <translation>显示 %2 件匹配商品中的前 %1 件；多输入几个词可缩小范围。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln product(s) found</source>
            <translation>
                <numerusform>找到 %Ln 件商品</numerusform>
            </translation>
        </message>
        <message>
            <source>Tick the products to make posters of.</source>
            <translation>勾选要制作海报的商品。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln product(s) ticked</source>
            <translation>
                <numerusform>已勾选 %Ln 件商品</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
    </context>
    <context>
        <name>ProductDetailPane</name>
        <message>
            <source>Suggested retail</source>
            <translation>建议零售价</translation>
        </message>
        <message>
            <source>Supply price</source>
            <translation>供货价</translation>
        </message>
        <message>
            <source>Commission</source>
            <translation>佣金</translation>
        </message>
        <message>
            <source>Sold / stock</source>
            <translation>销量 / 库存</translation>
        </message>
        <message>
            <source>Specs (SKUs)</source>
            <translation>规格（SKU）</translation>
        </message>
        <message>
            <source>No product selected</source>
            <translation>未选择商品</translation>
        </message>
        <message>
            <source>Choose a product to see its specs and prices here.</source>
            <translation>选择一个商品，在这里查看它的规格和价格。</translation>
        </message>
        <message>
            <source>Pick for my shop</source>
            <translation>选入本店</translation>
        </message>
        <message>
            <source>In the catalogue, outside any sale event</source>
            <translation>常规商品，不属于任何档期</translation>
        </message>
        <message>
            <source>%1 · %2 per piece</source>
            <translation>%1 · 每件赚 %2</translation>
        </message>
        <message>
            <source>Drop from my shop</source>
            <translation>从本店移除</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>等待同步</translation>
        </message>
        <message>
            <source>Refused by the platform: %1</source>
            <translation>平台已拒绝：%1</translation>
        </message>
    </context>
    <context>
        <name>QuitQuestion</name>
        <message numerus="yes">
            <source>%Ln action(s) you took on this computer have not reached the platform yet.</source>
            <translation>
                <numerusform>您在这台电脑上的 %Ln 项操作还没有发送到平台。</numerusform>
            </translation>
        </message>
        <message>
            <source>They are kept on this computer and go with the next sync if you quit now. Sync first to send them before you go.</source>
            <translation>现在退出的话，这些操作会保留在这台电脑上，下次同步时发送。先同步，就能在退出前发送出去。</translation>
        </message>
        <message>
            <source>The sync did not finish: %1</source>
            <translation>同步没有完成：%1</translation>
        </message>
        <message>
            <source>Quit Zhanggui?</source>
            <translation>退出掌柜？</translation>
        </message>
        <message>
            <source>Sync, then quit</source>
            <translation>先同步，再退出</translation>
        </message>
        <message>
            <source>Quit anyway</source>
            <translation>仍然退出</translation>
        </message>
    </context>
    <context>
        <name>ReconciliationPanel</name>
        <message>
            <source>Money that does not add up</source>
            <translation>对不上的款项</translation>
        </message>
        <message>
            <source>Every difference</source>
            <translation>全部差异（含待结算）</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Show in &amp;orders</source>
            <translation>在订单中查看(&amp;O)</translation>
        </message>
        <message>
            <source>Open these orders in the orders workspace, with their details</source>
            <translation>在订单工作区打开这些订单，查看详情</translation>
        </message>
        <message>
            <source>Show:</source>
            <translation>显示：</translation>
        </message>
        <message>
            <source>%1 orders' money does not add up; %2 wait for their after-sales window.</source>
            <translation>%1 笔订单的款项对不上；%2 笔订单正在等待售后期结束。</translation>
        </message>
        <message>
            <source>Every statement matches your orders; %1 wait for their window.</source>
            <translation>所有结算单与您的订单一致；%1 笔订单正在等待售后期结束。</translation>
        </message>
        <message>
            <source>Nothing to show: the statements and your orders agree here.</source>
            <translation>没有可显示的差异：结算单与您的订单一致。</translation>
        </message>
    </context>
    <context>
        <name>ReleaseQueueModel</name>
        <message>
            <source>Store manager</source>
            <translation>店长</translation>
        </message>
        <message>
            <source>Requested</source>
            <translation>申请时间</translation>
        </message>
        <message>
            <source>On the platform</source>
            <translation>平台状态</translation>
        </message>
        <message>
            <source>Your decision</source>
            <translation>您的决定</translation>
        </message>
        <message>
            <source>reason drafted</source>
            <translation>理由草稿</translation>
        </message>
        <message>
            <source>(unknown manager)</source>
            <translation>（未知店长）</translation>
        </message>
    </context>
    <context>
        <name>ReleasesWorkspace</name>
        <message>
            <source>Release requests</source>
            <translation>放手申请</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>打开(&amp;O)…</translation>
        </message>
        <message>
            <source>Review the request and decide (Enter)</source>
            <translation>查看申请并做决定（回车）</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>申请</translation>
        </message>
        <message>
            <source>Decision log</source>
            <translation>决定记录</translation>
        </message>
        <message>
            <source>No release requests yet. The platform creates one when a store manager completes every stage and passes the assessment.</source>
            <translation>暂无放手申请。店长完成全部任务阶段并通过考核后，平台会自动发起申请。</translation>
        </message>
        <message>
            <source>No request waits for your decision.</source>
            <translation>没有等待您处理的申请。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln request(s) wait for your decision. Open one to see who would leave with the manager before you decide.</source>
            <translation>
                <numerusform>有 %Ln 条申请等待您处理。打开申请，先看清哪些顾客会随店长离开，再做决定。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RestoreBackupDialog</name>
        <message>
            <source>Restore a backup</source>
            <translation>恢复备份</translation>
        </message>
        <message>
            <source>Zhanggui copies your shop's database each day it is open and keeps the last seven days. Choose the day to go back to: what you did since then is kept and sent at the next sync.</source>
            <translation>掌柜每天打开时都会备份店铺数据，保留最近七天。请选择要恢复到哪一天：那之后您做的操作都会保留，并在下次同步时发送。</translation>
        </message>
        <message>
            <source>%1, copied at %2 (%3)</source>
            <translation>%1，%2 备份（%3）</translation>
        </message>
        <message>
            <source>&amp;Restore…</source>
            <translation>恢复(&amp;R)…</translation>
        </message>
    </context>
    <context>
        <name>ReviewForm</name>
        <message>
            <source>Your review</source>
            <translation>您的核对</translation>
        </message>
        <message>
            <source>Reviewed</source>
            <translation>已核对</translation>
        </message>
        <message>
            <source>No flag</source>
            <translation>无标记</translation>
        </message>
        <message>
            <source>A note for yourself (Ctrl+Enter saves)</source>
            <translation>给自己的备注（Ctrl+Enter 保存）</translation>
        </message>
        <message>
            <source>Save review</source>
            <translation>保存核对</translation>
        </message>
        <message>
            <source>Discard draft</source>
            <translation>放弃草稿</translation>
        </message>
        <message>
            <source>Forget the unsaved changes and show the saved review</source>
            <translation>放弃未保存的修改，显示已保存的核对</translation>
        </message>
        <message>
            <source>Flag</source>
            <translation>标记</translation>
        </message>
        <message>
            <source>Your changes could not be kept as a draft: %1</source>
            <translation>您的修改未能保存为草稿：%1</translation>
        </message>
        <message>
            <source>Last saved by you</source>
            <translation>最后由您保存</translation>
        </message>
        <message>
            <source>Last saved by %1</source>
            <translation>最后由 %1 保存</translation>
        </message>
        <message>
            <source>✎ Unsaved changes, kept as a draft until you save them (Ctrl+Enter).</source>
            <translation>✎ 有未保存的修改，已存为草稿，保存后清除（Ctrl+Enter）。</translation>
        </message>
        <message>
            <source>This order changed on the platform while you were editing. Your changes are kept: Save review keeps yours, Discard draft takes the platform's.</source>
            <translation>您编辑期间，这笔订单在平台上有了变化。您的修改仍然保留：“保存核对”保留您的内容，“放弃草稿”采用平台的内容。</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>等待同步</translation>
        </message>
        <message>
            <source>Refused by the platform: %1</source>
            <translation>平台拒绝：%1</translation>
        </message>
        <message>
            <source>Status: %1 → %2</source>
            <translation>状态：%1 → %2</translation>
        </message>
        <message>
            <source>Amount: %1 → %2</source>
            <translation>金额：%1 → %2</translation>
        </message>
        <message>
            <source>Now marked reviewed</source>
            <translation>现在已标为已核对</translation>
        </message>
        <message>
            <source>Now not reviewed</source>
            <translation>现在标为未核对</translation>
        </message>
        <message>
            <source>Flag: %1 → %2</source>
            <translation>标记：%1 → %2</translation>
        </message>
        <message>
            <source>Saved note now: “%1”</source>
            <translation>已保存的备注现在是：“%1”</translation>
        </message>
        <message>
            <source>The saved note was removed</source>
            <translation>已保存的备注被删除了</translation>
        </message>
    </context>
    <context>
        <name>SaleEventListModel</name>
        <message>
            <source>%1
%2 to %3</source>
            <translation>%1
%2 至 %3</translation>
        </message>
        <message numerus="yes">
            <source>%Ln product(s)</source>
            <translation>
                <numerusform>%Ln 件商品</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <source>Sign in to your shop</source>
            <translation>登录您的店铺</translation>
        </message>
        <message>
            <source>Sign in once: this computer then keeps your shop's data and syncs it.</source>
            <translation>登录一次后，这台电脑会保存您店铺的数据，并与平台同步。</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
    </context>
    <context>
        <name>SignInForm</name>
        <message>
            <source>e.g. https://platform.example.com</source>
            <translation>例如 https://platform.example.com</translation>
        </message>
        <message>
            <source>Leave empty to sign in as the shop's owner</source>
            <translation>店主本人登录请留空</translation>
        </message>
        <message>
            <source>Only the first time: the owner's code</source>
            <translation>仅首次需要：店主给的注册码</translation>
        </message>
        <message>
            <source>Platform &amp;address</source>
            <translation>平台地址(&amp;A)</translation>
        </message>
        <message>
            <source>Shop &amp;code</source>
            <translation>店铺编号(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;User</source>
            <translation>用户(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Password</source>
            <translation>密码(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Sign-up code</source>
            <translation>注册码(&amp;S)</translation>
        </message>
        <message>
            <source>Signing in…</source>
            <translation>正在登录…</translation>
        </message>
    </context>
    <context>
        <name>StartingWindow</name>
        <message>
            <source>Zhanggui</source>
            <translation>掌柜</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>正在启动…</translation>
        </message>
    </context>
    <context>
        <name>StatementsModel</name>
        <message>
            <source>Week</source>
            <translation>结算周</translation>
        </message>
        <message>
            <source>Commission</source>
            <translation>佣金</translation>
        </message>
        <message>
            <source>Deductions</source>
            <translation>扣减</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>明细</translation>
        </message>
    </context>
    <context>
        <name>StatementsPanel</name>
        <message>
            <source>Choose a statement</source>
            <translation>请选择一张结算单</translation>
        </message>
        <message>
            <source>Save as &amp;Excel…</source>
            <translation>另存为 Excel(&amp;E)…</translation>
        </message>
        <message>
            <source>Save as &amp;PDF…</source>
            <translation>另存为 PDF(&amp;P)…</translation>
        </message>
        <message>
            <source>Week %1</source>
            <translation>结算周 %1</translation>
        </message>
        <message>
            <source>Settled %1 · commission %2 · managers' shares %3 · claw-backs %4 · adjustments %5 · total %6</source>
            <translation>结算于 %1 · 佣金 %2 · 店长分成 %3 · 追回 %4 · 调整 %5 · 合计 %6</translation>
        </message>
        <message>
            <source>✓ Its %1 lines add up to its total.</source>
            <translation>✓ %1 条明细与合计相符。</translation>
        </message>
        <message>
            <source>⚠ Its lines here (%1) add up to %2, not to its total.</source>
            <translation>⚠ 本机的明细（%1 条）合计为 %2，与结算单合计不符。</translation>
        </message>
    </context>
    <context>
        <name>SyncStatusLabel</name>
        <message numerus="yes">
            <source>%Ln action(s) waiting to sync</source>
            <translation>
                <numerusform>%Ln 项待同步</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln action(s) refused by the platform</source>
            <translation>
                <numerusform>%Ln 项被平台拒绝</numerusform>
            </translation>
        </message>
        <message>
            <source>Synced at %1</source>
            <translation>已同步 · %1</translation>
        </message>
        <message>
            <source>The last sync did not finish</source>
            <translation>上次同步未完成</translation>
        </message>
        <message>
            <source>Not synced yet</source>
            <translation>尚未同步</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>正在同步…</translation>
        </message>
        <message numerus="yes">
            <source>Syncing… sending %Ln action(s)</source>
            <translation>
                <numerusform>正在同步… 发送 %Ln 项操作</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Taking a fresh copy of the shop… %Ln row(s) received; this copy stays in use</source>
            <translation>
                <numerusform>正在重新获取店铺的完整数据… 已收到 %Ln 行；在此期间仍使用现有数据</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Syncing… %Ln change(s) received</source>
            <translation>
                <numerusform>正在同步… 已收到 %Ln 项变更</numerusform>
            </translation>
        </message>
        <message>
            <source>Last successful sync: %1</source>
            <translation>上次成功同步：%1</translation>
        </message>
    </context>
    <context>
        <name>TrafficPanel</name>
        <message>
            <source>Customers who left with a released store manager, against the customers the platform allocated from public-domain traffic. Sales lost are what the leavers bought in their last %1 days with the shop, counted in the month they left; sales brought are what allocated customers bought since arriving, counted in the month they paid.</source>
            <translation>随放手店长离开的顾客，对比平台从公域流量分配来的顾客。流失销售额是离开的顾客在离开前 %1 天内在本店的消费，计入离开当月；带来销售额是分配来的顾客到店后的消费，计入付款当月。</translation>
        </message>
        <message>
            <source>Only customers sent to make up for releases</source>
            <translation>只看放手补偿的顾客</translation>
        </message>
        <message>
            <source>Chart customers</source>
            <translation>图表：顾客数</translation>
        </message>
        <message>
            <source>Chart sales (¥)</source>
            <translation>图表：销售额（¥）</translation>
        </message>
        <message>
            <source>Reading the months…</source>
            <translation>正在读取各月数据…</translation>
        </message>
        <message>
            <source>%1 by %2, not counted yet.</source>
            <translation>%1，最晚 %2 到齐，尚未计入。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln more customer(s) are due to arrive</source>
            <translation>
                <numerusform>还有 %Ln 位顾客待分配</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing to compare yet: no customer has left with a released store manager, and no public-domain customers have arrived.</source>
            <translation>暂无可对比的数据：还没有顾客随放手的店长离开，也还没有公域流量顾客到店。</translation>
        </message>
        <message>
            <source>In total: %1 lost, %2 allocated, net %3 customers; sales %4 lost, %5 brought, net %6.</source>
            <translation>合计：流失 %1 位，分配 %2 位，净增 %3 位顾客；销售额流失 %4，带来 %5，净增 %6。</translation>
        </message>
    </context>
    <context>
        <name>UpcomingModel</name>
        <message>
            <source>Available on</source>
            <translation>可提现日期</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>订单数</translation>
        </message>
    </context>
    <context>
        <name>WelcomeDialog</name>
        <message>
            <source>Welcome to Zhanggui</source>
            <translation>欢迎使用掌柜</translation>
        </message>
        <message>
            <source>&amp;Sign in to my shop</source>
            <translation>登录我的店铺(&amp;S)</translation>
        </message>
        <message>
            <source>With the platform address, shop code and password your platform gave you. Your orders, customers and store managers then live on this computer too.</source>
            <translation>使用平台提供给您的平台地址、店铺编号和密码登录。之后订单、顾客和店长数据也会保存在这台电脑上。</translation>
        </message>
        <message>
            <source>&amp;Try the demo</source>
            <translation>试用演示店铺(&amp;T)</translation>
        </message>
        <message>
            <source>Look around a made-up shop with a year of orders. Nothing you do there reaches a real shop; the first start takes a few seconds.</source>
            <translation>看看一家有一年订单的虚构店铺。您在演示中的操作不会影响真实店铺；第一次打开需要几秒钟。</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>The shop owner's workbench: orders, store managers, customers, sales and posters of your shop on this computer, working offline too.</source>
            <translation>店主的工具场：店铺的订单、店长、顾客、销售和海报都在这台电脑上，离线也能用。</translation>
        </message>
        <message>
            <source>&amp;Back</source>
            <translation>返回(&amp;B)</translation>
        </message>
        <message>
            <source>Sign &amp;in</source>
            <translation>登录(&amp;I)</translation>
        </message>
        <message>
            <source>Sign in to your shop</source>
            <translation>登录您的店铺</translation>
        </message>
        <message>
            <source>Sign in once: this computer then keeps your shop's data and syncs it.</source>
            <translation>登录一次后，这台电脑会保存您店铺的数据，并与平台同步。</translation>
        </message>
    </context>
    <context>
        <name>WindowAlerts</name>
        <message>
            <source>Alert &amp;settings…</source>
            <translation>提醒设置(&amp;S)…</translation>
        </message>
        <message>
            <source>Show &amp;alerts</source>
            <translation>显示提醒(&amp;A)</translation>
        </message>
        <message>
            <source>Show Zhanggui</source>
            <translation>显示掌柜</translation>
        </message>
    </context>
    <context>
        <name>WithdrawalDialog</name>
        <message>
            <source>Withdraw to your bank account</source>
            <translation>提现到银行卡</translation>
        </message>
        <message>
            <source>Reading your balance…</source>
            <translation>正在读取余额…</translation>
        </message>
        <message>
            <source>Amount to withdraw</source>
            <translation>提现金额</translation>
        </message>
        <message>
            <source>&amp;All of it</source>
            <translation>全部提现(&amp;A)</translation>
        </message>
        <message>
            <source>Withdraw…</source>
            <translation>提现…</translation>
        </message>
        <message>
            <source>&amp;Amount:</source>
            <translation>金额(&amp;A)：</translation>
        </message>
        <message>
            <source>Type how much to withdraw, from %1 up to %2.</source>
            <translation>请输入提现金额：最低 %1，最高 %2。</translation>
        </message>
        <message>
            <source>There is not enough to withdraw: the minimum is %1, the balance %2.</source>
            <translation>余额不足以提现：最低提现 %1，当前余额 %2。</translation>
        </message>
        <message>
            <source>A withdrawal is at least %1.</source>
            <translation>每次提现至少 %1。</translation>
        </message>
        <message>
            <source>That is more than the available %1.</source>
            <translation>超过了可提现余额 %1。</translation>
        </message>
        <message>
            <source>Available to withdraw: %1</source>
            <translation>可提现：%1</translation>
        </message>
        <message>
            <source>Your balance cannot be read.</source>
            <translation>无法读取余额。</translation>
        </message>
        <message>
            <source>Withdraw %1 to your bank account?

It is recorded on this computer now and goes to the platform with the next sync. The platform pays it out, or refuses it with a reason; %2 stays available.</source>
            <translation>确定提现 %1 到银行卡吗？

申请会先记录在本机，下次同步时发送给平台。平台会打款，或说明原因拒绝；余额中仍有 %2 可提现。</translation>
        </message>
        <message>
            <source>Withdraw %1</source>
            <translation>提现 %1</translation>
        </message>
        <message>
            <source>Recording your request…</source>
            <translation>正在记录您的申请…</translation>
        </message>
        <message>
            <source>Withdraw %1…</source>
            <translation>提现 %1…</translation>
        </message>
        <message>
            <source>%1 goes to your bank account once the platform pays it out; %2 stays available. The minimum is %3.</source>
            <translation>平台打款后 %1 将到达您的银行卡；余额中仍有 %2 可提现。最低提现 %3。</translation>
        </message>
    </context>
    <context>
        <name>WithdrawalsModel</name>
        <message>
            <source>Requested</source>
            <translation>申请时间</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Decided</source>
            <translation>处理时间</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
    </context>
    <context>
        <name>_Words</name>
        <message>
            <source>Restore a backup</source>
            <translation>恢复备份</translation>
        </message>
        <message>
            <source>There is no backup yet. Zhanggui makes one each day it is open, the first a few minutes after it starts.</source>
            <translation>还没有备份。掌柜每天打开时都会备份一次，第一次在启动几分钟后。</translation>
        </message>
        <message>
            <source>Restore the backup?</source>
            <translation>恢复这份备份？</translation>
        </message>
        <message>
            <source>Go back to the copy of %1?</source>
            <translation>恢复到 %1 的备份？</translation>
        </message>
        <message>
            <source>The shop's data on this computer goes back to that day, and the next sync brings everything the platform changed since. What you did since then (reviews, picks, decisions, posters) is kept and sent at the next sync. The database as it is now is kept in the profile folder.</source>
            <translation>这台电脑上的店铺数据会回到那一天，下次同步时会取回平台此后的所有变化。您此后做的操作（审单、选品、放手决定、海报）都会保留，并在下次同步时发送。当前的数据库会保留在数据文件夹中。</translation>
        </message>
        <message>
            <source>&amp;Restore</source>
            <translation>恢复(&amp;R)</translation>
        </message>
        <message>
            <source>Restoring the backup…</source>
            <translation>正在恢复备份…</translation>
        </message>
        <message>
            <source>The copy of %1 is back.</source>
            <translation>已恢复到 %1 的备份。</translation>
        </message>
        <message>
            <source>The database as it was could not be read, so actions made after the copy could not be kept.</source>
            <translation>原来的数据库无法读取，备份之后的操作无法保留。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln action(s) waiting to sync will be sent now.</source>
            <translation>
                <numerusform>%Ln 项待同步的操作将立即发送。</numerusform>
            </translation>
        </message>
        <message>
            <source>The database as it was is kept as %1.</source>
            <translation>原来的数据库已保留为 %1。</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <source>Opening your shop…</source>
            <translation>正在打开您的店铺…</translation>
        </message>
        <message>
            <source>Cannot open the shop's profile</source>
            <translation>无法打开店铺数据</translation>
        </message>
        <message>
            <source>Restore a backup…</source>
            <translation>恢复备份…</translation>
        </message>
        <message>
            <source>Cannot start the demo</source>
            <translation>无法启动演示</translation>
        </message>
        <message>
            <source>The demo platform did not start: %1</source>
            <translation>演示平台未能启动：%1</translation>
        </message>
    </context>
    <context>
        <name>catalogue</name>
        <message>
            <source>On now</source>
            <translation>进行中</translation>
        </message>
        <message>
            <source>Coming up</source>
            <translation>即将开始</translation>
        </message>
        <message>
            <source>Ended</source>
            <translation>已结束</translation>
        </message>
        <message>
            <source>%1 d %2 h</source>
            <translation>%1天%2小时</translation>
        </message>
        <message>
            <source>%1 h %2 min</source>
            <translation>%1小时%2分</translation>
        </message>
        <message>
            <source>starts in %1</source>
            <translation>%1后开始</translation>
        </message>
        <message>
            <source>ends in %1</source>
            <translation>距结束 %1</translation>
        </message>
        <message>
            <source>ended</source>
            <translation>已结束</translation>
        </message>
        <message>
            <source>Best sellers</source>
            <translation>销量最高</translation>
        </message>
        <message>
            <source>Highest commission</source>
            <translation>佣金最高</translation>
        </message>
        <message>
            <source>Price: low to high</source>
            <translation>价格从低到高</translation>
        </message>
        <message>
            <source>Price: high to low</source>
            <translation>价格从高到低</translation>
        </message>
        <message>
            <source>Newest</source>
            <translation>最新上架</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Brand</source>
            <translation>品牌</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类目</translation>
        </message>
        <message>
            <source>Retail price</source>
            <translation>建议零售价</translation>
        </message>
        <message>
            <source>Supply price</source>
            <translation>供货价</translation>
        </message>
        <message>
            <source>Commission</source>
            <translation>佣金</translation>
        </message>
        <message>
            <source>Sold</source>
            <translation>销量</translation>
        </message>
        <message>
            <source>Stock</source>
            <translation>库存</translation>
        </message>
        <message>
            <source>In my shop</source>
            <translation>本店已选</translation>
        </message>
        <message>
            <source>waiting to sync</source>
            <translation>等待同步</translation>
        </message>
        <message>
            <source>refused by the platform</source>
            <translation>平台已拒绝</translation>
        </message>
        <message>
            <source>earn %1</source>
            <translation>赚%1</translation>
        </message>
        <message>
            <source>Sold out</source>
            <translation>已售罄</translation>
        </message>
        <message>
            <source>Picked</source>
            <translation>已选</translation>
        </message>
        <message>
            <source>%1 sold · %2 in stock</source>
            <translation>已售 %1 · 库存 %2</translation>
        </message>
        <message>
            <source>≥ %1 commission</source>
            <translation>佣金 ≥ %1</translation>
        </message>
        <message>
            <source>Spec</source>
            <translation>规格</translation>
        </message>
        <message>
            <source>Supply</source>
            <translation>供货价</translation>
        </message>
        <message>
            <source>Retail</source>
            <translation>零售价</translation>
        </message>
        <message>
            <source>Earn</source>
            <translation>赚</translation>
        </message>
        <message>
            <source>from %1</source>
            <translation>%1 起</translation>
        </message>
        <message>
            <source>up to %1</source>
            <translation>%1 以内</translation>
        </message>
        <message>
            <source>in stock</source>
            <translation>有货</translation>
        </message>
        <message>
            <source>matching “%1”</source>
            <translation>匹配“%1”</translation>
        </message>
        <message>
            <source>Nothing picked yet: select a product and press Space to pick it.</source>
            <translation>还没有选品：选中商品后按空格键即可选入本店。</translation>
        </message>
        <message>
            <source>No product matches these filters.</source>
            <translation>没有符合这些筛选条件的商品。</translation>
        </message>
    </context>
    <context>
        <name>charts</name>
        <message>
            <source>By the range</source>
            <translation>随范围</translation>
        </message>
        <message>
            <source>By day</source>
            <translation>按天</translation>
        </message>
        <message>
            <source>By week</source>
            <translation>按周</translation>
        </message>
        <message>
            <source>By month</source>
            <translation>按月</translation>
        </message>
        <message>
            <source>Own store</source>
            <translation>自营店</translation>
        </message>
        <message>
            <source>Via managers</source>
            <translation>店长带来</translation>
        </message>
        <message>
            <source>Public-domain allocation</source>
            <translation>公域流量分配</translation>
        </message>
        <message>
            <source>Transferred in</source>
            <translation>随店长转入</translation>
        </message>
        <message>
            <source>Period before</source>
            <translation>上一周期</translation>
        </message>
        <message>
            <source>A year before</source>
            <translation>去年同期</translation>
        </message>
        <message>
            <source>new</source>
            <translation>新增</translation>
        </message>
        <message>
            <source>no change</source>
            <translation>持平</translation>
        </message>
        <message>
            <source>(so far)</source>
            <translation>（进行中）</translation>
        </message>
        <message>
            <source>week of %1</source>
            <translation>%1 当周</translation>
        </message>
        <message>
            <source>%1   Total %2</source>
            <translation>%1   合计 %2</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>New customers</source>
            <translation>新增顾客</translation>
        </message>
        <message>
            <source>Released: %1</source>
            <translation>放手：%1</translation>
        </message>
        <message>
            <source>Releases</source>
            <translation>放手</translation>
        </message>
        <message>
            <source>%1 %2 (%3)</source>
            <translation>%1 %2（%3）</translation>
        </message>
        <message>
            <source>Sales (¥)</source>
            <translation>销售额（元）</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>订单</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>销售额</translation>
        </message>
        <message>
            <source>7-day average</source>
            <translation>7 日均线</translation>
        </message>
        <message>
            <source>%1   Sales %2   Orders %3</source>
            <translation>%1   销售额 %2   订单 %3</translation>
        </message>
        <message>
            <source>7-day average %1</source>
            <translation>7 日均线 %1</translation>
        </message>
        <message>
            <source>7-day average (¥)</source>
            <translation>7 日均线（元）</translation>
        </message>
        <message>
            <source>%1 (¥)</source>
            <translation>%1（¥）</translation>
        </message>
        <message>
            <source>Commission (¥)</source>
            <translation>佣金（元）</translation>
        </message>
        <message>
            <source>Commission</source>
            <translation>佣金</translation>
        </message>
        <message>
            <source>%1   Commission %2</source>
            <translation>%1   佣金 %2</translation>
        </message>
        <message>
            <source>%1 – %2</source>
            <translation>%1 – %2</translation>
        </message>
        <message>
            <source>%1 (%2): no sales</source>
            <translation>%1（%2）：无销售</translation>
        </message>
        <message>
            <source>%1 (%2): %3, sales %4, orders %5</source>
            <translation>%1（%2）：%3，销售额 %4，订单 %5</translation>
        </message>
        <message>
            <source>%1 – %2: sales %3 · %4 · commission %5</source>
            <translation>%1 – %2：销售额 %3 · %4 · 佣金 %5</translation>
        </message>
    </context>
    <context>
        <name>customers</name>
        <message>
            <source>Own store</source>
            <translation>自营店</translation>
        </message>
        <message>
            <source>Lost</source>
            <translation>流失</translation>
        </message>
        <message>
            <source>Allocated from public domain</source>
            <translation>公域分配</translation>
        </message>
        <message>
            <source>Net</source>
            <translation>净增</translation>
        </message>
        <message>
            <source>Own customer</source>
            <translation>自有顾客</translation>
        </message>
        <message>
            <source>Via a store manager</source>
            <translation>店长带来</translation>
        </message>
        <message>
            <source>Public-domain traffic</source>
            <translation>公域流量</translation>
        </message>
        <message>
            <source>Transferred in</source>
            <translation>随店长转入</translation>
        </message>
        <message>
            <source>Left with %1</source>
            <translation>已随 %1 离开</translation>
        </message>
        <message>
            <source>Left the shop</source>
            <translation>已离店</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>顾客</translation>
        </message>
        <message>
            <source>Store</source>
            <translation>门店</translation>
        </message>
        <message>
            <source>How</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Since</source>
            <translation>绑定日期</translation>
        </message>
        <message>
            <source>Paid orders</source>
            <translation>付款订单</translation>
        </message>
        <message>
            <source>Spent</source>
            <translation>消费金额</translation>
        </message>
        <message>
            <source>Left the shop with store manager %1, whose release you approved.</source>
            <translation>已随店长 %1 离店：您批准了 %1 的放手申请。</translation>
        </message>
        <message>
            <source>Left the shop with a released store manager.</source>
            <translation>已随放手的店长离店。</translation>
        </message>
        <message>
            <source>Allocated to your shop from public-domain traffic on %1; belongs to %2.</source>
            <translation>%1 由平台公域流量分配到您的店铺，归属%2。</translation>
        </message>
        <message>
            <source>Transferred in on %1, when the store manager opened this shop; belongs to %2.</source>
            <translation>%1 店长独立开店时随店长转入，归属%2。</translation>
        </message>
        <message>
            <source>Belongs to %1 since %2.</source>
            <translation>自 %2 起归属%1。</translation>
        </message>
        <message>
            <source>%1's sub-store</source>
            <translation>店长 %1 的分店</translation>
        </message>
        <message>
            <source>your own store</source>
            <translation>您的自营店</translation>
        </message>
        <message>
            <source>a store manager</source>
            <translation>一位店长</translation>
        </message>
        <message>
            <source>Bound to your own store by their first paid order.</source>
            <translation>首笔付款订单在自营店，绑定到您的自营店。</translation>
        </message>
        <message>
            <source>Bound to %1's sub-store by their first paid order there.</source>
            <translation>首笔付款订单在店长 %1 的分店，绑定到该分店。</translation>
        </message>
        <message>
            <source>Left with %1 when you approved the release (request %2): they had a paid order in %1's sub-store.</source>
            <translation>您批准放手（申请 %2）后随店长 %1 离开：该顾客在 %1 的分店有过付款订单。</translation>
        </message>
        <message>
            <source>Will arrive from public-domain traffic, to make up for release %1.</source>
            <translation>将由公域流量分配而来，补偿放手 %1。</translation>
        </message>
        <message>
            <source>Allocated to your own store from public-domain traffic after release %1.</source>
            <translation>放手 %1 后，由平台公域流量分配到您的自营店。</translation>
        </message>
        <message>
            <source>Will arrive from public-domain traffic.</source>
            <translation>将由公域流量分配而来。</translation>
        </message>
        <message>
            <source>Allocated to your own store from public-domain traffic by the platform.</source>
            <translation>由平台公域流量分配到您的自营店。</translation>
        </message>
        <message>
            <source>Transferred in with %1, released into this shop (request %2).</source>
            <translation>随 %1 放手开店转入本店（申请 %2）。</translation>
        </message>
        <message>
            <source>Their store changed.</source>
            <translation>归属门店发生了变化。</translation>
        </message>
    </context>
    <context>
        <name>demo</name>
        <message>
            <source>Preparing the demo shop: two years of orders, a few seconds…</source>
            <translation>正在准备演示店铺：两年的订单，需要几秒钟…</translation>
        </message>
        <message>
            <source>Starting the demo platform…</source>
            <translation>正在启动演示平台…</translation>
        </message>
        <message>
            <source>Signing in to the demo shop…</source>
            <translation>正在登录演示店铺…</translation>
        </message>
    </context>
    <context>
        <name>earnings</name>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>PDF document (*.pdf)</source>
            <translation>PDF 文档 (*.pdf)</translation>
        </message>
        <message>
            <source>Save statement</source>
            <translation>保存结算单</translation>
        </message>
        <message>
            <source>Income (¥)</source>
            <translation>收入（元）</translation>
        </message>
        <message>
            <source>Yours</source>
            <translation>归您所有</translation>
        </message>
        <message>
            <source>Managers' shares</source>
            <translation>店长分成</translation>
        </message>
        <message>
            <source>%1   Yours %2   Managers' shares %3</source>
            <translation>%1   归您 %2   店长分成 %3</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <source>Yours (¥)</source>
            <translation>归您（元）</translation>
        </message>
        <message>
            <source>Managers' shares (¥)</source>
            <translation>店长分成（元）</translation>
        </message>
        <message>
            <source>Commission</source>
            <translation>佣金</translation>
        </message>
        <message>
            <source>Manager's share</source>
            <translation>店长分成</translation>
        </message>
        <message>
            <source>Claw-back</source>
            <translation>售后追回</translation>
        </message>
        <message>
            <source>Adjustment</source>
            <translation>平台调整</translation>
        </message>
        <message>
            <source>Not yet settleable</source>
            <translation>尚未到结算期</translation>
        </message>
        <message>
            <source>Missing from a statement</source>
            <translation>结算单漏结</translation>
        </message>
        <message>
            <source>Paid twice</source>
            <translation>重复结算</translation>
        </message>
        <message>
            <source>Refunded after settlement</source>
            <translation>结算后退款</translation>
        </message>
        <message>
            <source>Share rate differs</source>
            <translation>分成比例不符</translation>
        </message>
        <message>
            <source>Amount differs</source>
            <translation>金额不符</translation>
        </message>
        <message>
            <source>On its way to the customer: settleable once delivered.</source>
            <translation>订单配送中：签收并过售后期后可结算。</translation>
        </message>
        <message>
            <source>In its after-sales window until %1; paid with the next statement.</source>
            <translation>售后期至 %1；之后随下一张结算单结算。</translation>
        </message>
        <message>
            <source>Settleable since %1, yet no statement paid its %2. Ask the platform.</source>
            <translation>自 %1 起即可结算，但没有结算单结算其 %2。请联系平台。</translation>
        </message>
        <message>
            <source>Paid %1 times: %2 where the rules give %3.</source>
            <translation>被结算了 %1 次：共 %2，按规则应为 %3。</translation>
        </message>
        <message>
            <source>Refunded after a statement paid %1; the next statement should take it back.</source>
            <translation>结算单已付 %1 后发生退款；下一张结算单应追回。</translation>
        </message>
        <message>
            <source>The manager's share was taken at %1 (%2); her stage gives %3 (%4).</source>
            <translation>店长分成按 %1（%2）扣除；按其所处阶段应为 %3（%4）。</translation>
        </message>
        <message>
            <source>Paid %1 where the rules give %2.</source>
            <translation>实际结算 %1，按规则应为 %2。</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>等待同步</translation>
        </message>
        <message>
            <source>Applied · being paid out</source>
            <translation>平台已受理 · 打款中</translation>
        </message>
        <message>
            <source>Paid out</source>
            <translation>已打款</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>已拒绝</translation>
        </message>
        <message>
            <source>Below the platform's minimum withdrawal.</source>
            <translation>低于平台的最低提现金额。</translation>
        </message>
        <message>
            <source>More than the available balance when it reached the platform (another computer may have withdrawn first).</source>
            <translation>送达平台时超过了可提现余额（可能另一台电脑先提现了）。</translation>
        </message>
        <message>
            <source>The platform gave no reason.</source>
            <translation>平台未说明原因。</translation>
        </message>
        <message>
            <source>Statement %1</source>
            <translation>结算单 %1</translation>
        </message>
        <message>
            <source>Order no.</source>
            <translation>订单号</translation>
        </message>
        <message>
            <source>Store</source>
            <translation>门店</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Share rate</source>
            <translation>分成比例</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>(no order)</source>
            <translation>（无订单）</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>明细</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>汇总</translation>
        </message>
        <message>
            <source>First day</source>
            <translation>起始日</translation>
        </message>
        <message>
            <source>Last day</source>
            <translation>截止日</translation>
        </message>
        <message>
            <source>Settled at</source>
            <translation>结算时间</translation>
        </message>
        <message>
            <source>Statement for the week %1</source>
            <translation>结算单：%1</translation>
        </message>
        <message>
            <source>Settled %1 · statement no. %2</source>
            <translation>结算于 %1 · 结算单号 %2</translation>
        </message>
        <message>
            <source>Claw-backs</source>
            <translation>售后追回</translation>
        </message>
        <message>
            <source>Adjustments</source>
            <translation>平台调整</translation>
        </message>
        <message>
            <source>Total to your balance</source>
            <translation>计入余额合计</translation>
        </message>
        <message>
            <source>By store</source>
            <translation>按门店</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>订单数</translation>
        </message>
        <message>
            <source>%1 more stores</source>
            <translation>其余 %1 家门店</translation>
        </message>
        <message>
            <source>No order was settled this week.</source>
            <translation>本周没有结算的订单。</translation>
        </message>
        <message>
            <source>Claw-backs and adjustments</source>
            <translation>售后追回与平台调整</translation>
        </message>
        <message>
            <source>and %1 more</source>
            <translation>另有 %1 条</translation>
        </message>
        <message>
            <source>%1 lines in all; the Excel export of this statement lists every one.</source>
            <translation>共 %1 条明细；导出的 Excel 列出了每一条。</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
    </context>
    <context>
        <name>filters</name>
        <message>
            <source>Clear filters</source>
            <translation>清除筛选</translation>
        </message>
    </context>
    <context>
        <name>formatting</name>
        <message>
            <source>today %1</source>
            <translation>今天 %1</translation>
        </message>
        <message>
            <source>yesterday %1</source>
            <translation>昨天 %1</translation>
        </message>
        <message>
            <source>just now</source>
            <translation>刚刚</translation>
        </message>
    </context>
    <context>
        <name>input</name>
        <message>
            <source>The flag</source>
            <translation>标记</translation>
        </message>
        <message>
            <source>The note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>The view's name</source>
            <translation>视图名称</translation>
        </message>
        <message>
            <source>The number of copies</source>
            <translation>份数</translation>
        </message>
        <message>
            <source>The decision</source>
            <translation>决定</translation>
        </message>
        <message>
            <source>The reason</source>
            <translation>理由</translation>
        </message>
        <message>
            <source>The number of rows asked for</source>
            <translation>请求的行数</translation>
        </message>
        <message>
            <source>The column</source>
            <translation>列</translation>
        </message>
        <message>
            <source>The columns to export</source>
            <translation>要导出的列</translation>
        </message>
        <message>
            <source>The type of file</source>
            <translation>文件类型</translation>
        </message>
        <message>
            <source>The poster's code</source>
            <translation>海报二维码</translation>
        </message>
        <message>
            <source>The release request</source>
            <translation>放手申请</translation>
        </message>
        <message>
            <source>The product</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>The sale event</source>
            <translation>档期</translation>
        </message>
        <message>
            <source>The store manager</source>
            <translation>店长</translation>
        </message>
        <message>
            <source>The amount to withdraw</source>
            <translation>提现金额</translation>
        </message>
        <message>
            <source>The statement</source>
            <translation>对账单</translation>
        </message>
        <message>
            <source>The order status</source>
            <translation>订单状态</translation>
        </message>
        <message>
            <source>The range of days</source>
            <translation>日期范围</translation>
        </message>
        <message>
            <source>The person's name</source>
            <translation>人员的姓名</translation>
        </message>
        <message>
            <source>The user name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>The role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Please give the view a name.</source>
            <translation>请给这个视图起个名字。</translation>
        </message>
        <message>
            <source>Choose at least one column to export.</source>
            <translation>请至少选择一列来导出。</translation>
        </message>
        <message>
            <source>%1 is missing; please fill it in.</source>
            <translation>缺少%1，请填写。</translation>
        </message>
        <message>
            <source>%1 is too long: %2 characters, at most %3 fit. Nothing was saved.</source>
            <translation>%1太长：共 %2 个字符，最多 %3 个。没有保存任何内容。</translation>
        </message>
        <message>
            <source>%1 must be from %2 to %3; %4 is not possible.</source>
            <translation>%1必须在 %2 到 %3 之间，%4 不行。</translation>
        </message>
        <message>
            <source>%1 is out of range.</source>
            <translation>%1超出了允许的范围。</translation>
        </message>
        <message>
            <source>Choose a flag from the list: none, problem or follow up.</source>
            <translation>请从列表中选择标记：无标记、有问题或待跟进。</translation>
        </message>
        <message>
            <source>A release request is either approved or declined.</source>
            <translation>放手申请只能同意或拒绝。</translation>
        </message>
        <message>
            <source>Export to an Excel file (.xlsx).</source>
            <translation>请导出为 Excel 文件（.xlsx）。</translation>
        </message>
        <message>
            <source>Export to an Excel file (.xlsx) or a CSV file (.csv).</source>
            <translation>请导出为 Excel 文件（.xlsx）或 CSV 文件（.csv）。</translation>
        </message>
        <message>
            <source>%1 must be one of: %2.</source>
            <translation>%1必须是以下之一：%2。</translation>
        </message>
        <message>
            <source>%1 (%2) is not on this computer. Sync to fetch the newest data.</source>
            <translation>这台电脑上没有这个%1（%2）。请同步以获取最新数据。</translation>
        </message>
        <message>
            <source>A user name is 1 to 32 letters (a–z), digits, dots, dashes or underscores, starting with a letter or a digit.</source>
            <translation>用户名由 1 到 32 个字母（a–z）、数字、点、短横线或下划线组成，并以字母或数字开头。</translation>
        </message>
        <message>
            <source>%1 cannot be read.</source>
            <translation>无法读取%1。</translation>
        </message>
        <message>
            <source>This release request was decided already; one decision counts.</source>
            <translation>这个放手申请已经做过决定，只有一个决定有效。</translation>
        </message>
    </context>
    <context>
        <name>managers</name>
        <message>
            <source>Stage complete</source>
            <translation>本阶段已完成</translation>
        </message>
        <message>
            <source>On track</source>
            <translation>进度正常</translation>
        </message>
        <message>
            <source>At risk</source>
            <translation>有风险</translation>
        </message>
        <message>
            <source>Stalled</source>
            <translation>停滞</translation>
        </message>
        <message>
            <source>Past deadline</source>
            <translation>已逾期</translation>
        </message>
        <message>
            <source>Released</source>
            <translation>已放手</translation>
        </message>
        <message>
            <source>%1 · completes %2</source>
            <translation>%1 · 预计 %2 完成</translation>
        </message>
        <message>
            <source>%1 · no pace yet</source>
            <translation>%1 · 尚无进展</translation>
        </message>
        <message>
            <source>Not assessed yet</source>
            <translation>未考核</translation>
        </message>
        <message>
            <source>Awaiting assessment</source>
            <translation>待考核</translation>
        </message>
        <message>
            <source>Assessment passed</source>
            <translation>考核通过</translation>
        </message>
        <message>
            <source>Assessment failed</source>
            <translation>考核未通过</translation>
        </message>
        <message>
            <source>Not begun</source>
            <translation>未开始</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>进行中</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Not completed in time</source>
            <translation>未按期完成</translation>
        </message>
        <message>
            <source>≥ 80% of target</source>
            <translation>完成目标 ≥ 80%</translation>
        </message>
        <message>
            <source>≥ 50% of target</source>
            <translation>完成目标 ≥ 50%</translation>
        </message>
        <message>
            <source>&lt; 50% of target</source>
            <translation>完成目标 &lt; 50%</translation>
        </message>
        <message>
            <source>Store manager</source>
            <translation>店长</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>任务阶段</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>销售额</translation>
        </message>
        <message>
            <source>Paying customers</source>
            <translation>付款顾客</translation>
        </message>
        <message>
            <source>Days left</source>
            <translation>剩余天数</translation>
        </message>
        <message>
            <source>Assessment</source>
            <translation>考核</translation>
        </message>
        <message>
            <source>Forecast</source>
            <translation>进度预测</translation>
        </message>
        <message>
            <source>8-week sales</source>
            <translation>近 8 周销售</translation>
        </message>
        <message>
            <source>The store manager who sells for you through a sub-store of your shop.</source>
            <translation>通过您店铺的分店为您销售的店长。</translation>
        </message>
        <message>
            <source>The stage of the promotion path the manager is in now, of all the stages.</source>
            <translation>店长当前所处的晋升任务阶段，以及阶段总数。</translation>
        </message>
        <message>
            <source>Sales of the current stage: the paid orders of the manager's sub-store whose payment came after the stage began, up to its deadline, its completion or now, against the stage's target.</source>
            <translation>当前阶段的销售额：店长分店中在阶段开始之后、截止、完成或此刻（以最早者为准）之前付款的订单，与阶段目标对比。</translation>
        </message>
        <message>
            <source>Paying customers of the current stage: the different customers who paid in the sub-store in the same window, each counted once, against the stage's target.</source>
            <translation>当前阶段的付款顾客：同一时间窗口内在分店付款的不同顾客，每人只计一次，与阶段目标对比。</translation>
        </message>
        <message>
            <source>Whole days until the deadline of the current stage.</source>
            <translation>距当前阶段截止还剩的整天数。</translation>
        </message>
        <message>
            <source>The platform's assessment of the stage: the last stage must pass it before a release request.</source>
            <translation>平台对该阶段的考核：最后一个阶段须通过考核，才会出现放手申请。</translation>
        </message>
        <message>
            <source>When the current stage would be complete at the manager's pace since it began, and whether that is before its deadline.</source>
            <translation>按阶段开始以来的进度，当前阶段预计何时完成，以及是否早于截止日期。</translation>
        </message>
        <message>
            <source>Paid orders placed in the manager's sub-store in each of the last 8 weeks, the newest at the right, and their total: every week counts, whatever stage it fell in.</source>
            <translation>店长分店近 8 周每周下单并已付款的订单金额（最右为最近一周）及合计：每一周都计入，不论属于哪个阶段。</translation>
        </message>
        <message>
            <source>from %1, when the stage began, to its completion on %2</source>
            <translation>自阶段开始的 %1 起，至阶段完成的 %2</translation>
        </message>
        <message>
            <source>from %1, when the stage began, to its deadline on %2</source>
            <translation>自阶段开始的 %1 起，至阶段截止的 %2</translation>
        </message>
        <message>
            <source>from %1, when the stage began, until now</source>
            <translation>自阶段开始的 %1 起，至此刻</translation>
        </message>
        <message>
            <source>%1 of the %2 target (%3%)
The paid orders of the sub-store whose payment came %4.
Payments before the stage began counted for the stages before.</source>
            <translation>%1，目标 %2（%3%）
分店的已付款订单，付款时间%4。
阶段开始之前的付款已计入之前的阶段。</translation>
        </message>
        <message>
            <source>%1 of the %2 target (%3%)
The different customers who paid in the sub-store %4, each counted once.</source>
            <translation>%1 位，目标 %2 位（%3%）
在分店付款的不同顾客（付款时间%4），每人只计一次。</translation>
        </message>
        <message>
            <source>Stage %1 of %2 · %3
Began %4, deadline %5.</source>
            <translation>第 %1 阶段（共 %2 个）· %3
开始于 %4，截止于 %5。</translation>
        </message>
        <message>
            <source>Whole days until the stage's deadline on %1.</source>
            <translation>距阶段截止（%1）还剩的整天数。</translation>
        </message>
        <message>
            <source>Released: the manager now runs a shop of their own.</source>
            <translation>已放手：该店长现在经营自己的店铺。</translation>
        </message>
        <message>
            <source>Both targets of the stage are met.</source>
            <translation>该阶段的两项目标均已达成。</translation>
        </message>
        <message>
            <source>The deadline %1 passed before both targets were met.</source>
            <translation>截止日期 %1 已过，两项目标未能全部达成。</translation>
        </message>
        <message>
            <source>No paid order in the sub-store since %1: at this pace the stage is not met.</source>
            <translation>自 %1 起分店没有已付款订单：按此进度无法完成该阶段。</translation>
        </message>
        <message>
            <source>A target has had no payment yet in this stage, so the pace gives no date.</source>
            <translation>本阶段有一项目标尚无付款，按进度还无法推算日期。</translation>
        </message>
        <message>
            <source>At the pace since the stage began, both targets are met on %1, before the deadline %2.</source>
            <translation>按阶段开始以来的进度，两项目标将于 %1 达成，早于截止日期 %2。</translation>
        </message>
        <message>
            <source>At the pace since the stage began, the targets are met only on %1, after the deadline %2.</source>
            <translation>按阶段开始以来的进度，目标要到 %1 才能达成，晚于截止日期 %2。</translation>
        </message>
        <message>
            <source>Paid orders placed in the sub-store in the 8 weeks since %1, week by week:
%2
Total %3. Every paid order of those weeks counts here, whatever stage it fell in; the stage's sales count only the payments since the stage began on %4.</source>
            <translation>自 %1 起 8 周内分店下单并已付款的订单，按周：
%2
合计 %3。这几周的每笔已付款订单都计入这里，不论属于哪个阶段；阶段销售额只计入阶段于 %4 开始之后的付款。</translation>
        </message>
        <message>
            <source>Every store manager on the promotion path, and how many of them the forecast of their current stage finds on track, at risk, stalled or past the deadline.</source>
            <translation>晋升任务中的全部店长，以及按当前阶段的预测，进度正常、有风险、停滞和已过截止日期的人数。</translation>
        </message>
        <message>
            <source>Each stage the manager began, in order; a stage not met in time begins again.</source>
            <translation>店长开始的每个阶段，按先后顺序；未按时完成的阶段会重新开始。</translation>
        </message>
        <message>
            <source>From the moment the stage began to its deadline.</source>
            <translation>从阶段开始到截止的时间。</translation>
        </message>
        <message>
            <source>Completed (both targets met in the window), not met in time, or still running.</source>
            <translation>已完成（窗口内两项目标都达成）、未按时完成，或仍在进行中。</translation>
        </message>
        <message>
            <source>The paid orders of the sub-store whose payment came in the stage's window, against the target.</source>
            <translation>分店中付款时间在阶段窗口内的订单金额，与目标对比。</translation>
        </message>
        <message>
            <source>The different customers who paid in the sub-store in the stage's window.</source>
            <translation>阶段窗口内在分店付款的不同顾客人数。</translation>
        </message>
        <message>
            <source>The platform's assessment of the stage.</source>
            <translation>平台对该阶段的考核。</translation>
        </message>
        <message>
            <source>Customers who belong to this sub-store: their first payment was there.</source>
            <translation>归属于该分店的顾客：他们的首次付款在这里。</translation>
        </message>
        <message>
            <source>Phone numbers arrive masked.</source>
            <translation>手机号码只以打码形式提供。</translation>
        </message>
        <message>
            <source>Since the customer's first payment in the sub-store, or since they came in through it.</source>
            <translation>自顾客在该分店首次付款起，或自其经该分店进店起。</translation>
        </message>
        <message>
            <source>Their paid orders in this sub-store (paid, shipped or completed), at any time.</source>
            <translation>该顾客在此分店的全部已付款订单（已付款、已发货或已完成）。</translation>
        </message>
        <message>
            <source>What those paid orders came to.</source>
            <translation>这些已付款订单的金额合计。</translation>
        </message>
        <message>
            <source>In this sub-store since %1.</source>
            <translation>自 %1 起属于该分店。</translation>
        </message>
        <message>
            <source>Paid orders in this sub-store at any time: %1, coming to %2.</source>
            <translation>在此分店的全部已付款订单：%1 笔，合计 %2。</translation>
        </message>
        <message>
            <source>The newest orders placed in this sub-store, whatever their status.</source>
            <translation>该分店最近下的订单，不论状态。</translation>
        </message>
        <message>
            <source>When the order was placed, on this computer's clock.</source>
            <translation>下单时间（本机时钟）。</translation>
        </message>
        <message>
            <source>Who placed it.</source>
            <translation>下单顾客。</translation>
        </message>
        <message>
            <source>What the order came to; it counts for the manager's stage once paid.</source>
            <translation>订单金额；付款后计入店长的阶段。</translation>
        </message>
        <message>
            <source>Where the order stands now.</source>
            <translation>订单当前状态。</translation>
        </message>
        <message>
            <source>Order numbers carry the day the order was placed in China (UTC+8).</source>
            <translation>订单号中的日期是按中国时间（UTC+8）的下单日期。</translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <source>This profile has not signed in to a shop yet. Please sign in.</source>
            <translation>这个数据文件夹还没有登录店铺，请先登录。</translation>
        </message>
        <message>
            <source>A sync is already running. It will bring the newest data shortly.</source>
            <translation>已有同步正在进行，稍后就能看到最新数据。</translation>
        </message>
        <message>
            <source>The sync was cancelled. What had arrived so far is kept.</source>
            <translation>同步已取消，已经收到的数据会保留。</translation>
        </message>
        <message>
            <source>%1 could not be written: %2. Nothing was saved.</source>
            <translation>无法写入 %1：%2。没有保存任何内容。</translation>
        </message>
        <message>
            <source>This cannot be undone: %1 of these %2 actions were sent to the platform already.</source>
            <translation>无法撤销：这 %2 项操作中已有 %1 项发送到平台。</translation>
        </message>
        <message>
            <source>An unexpected error occurred: %1</source>
            <translation>发生意外错误：%1</translation>
        </message>
        <message>
            <source>An assistant reviews orders, picks products and prints posters; release decisions, earnings and people are the owner's.</source>
            <translation>助理可以审核订单、选品和打印海报；放手决定、收益和人员归店主掌管。</translation>
        </message>
        <message>
            <source>A store manager sees her own sub-store and prints its posters; the rest of the shop is the owner's.</source>
            <translation>店长只能查看自己的分店并打印分店海报；店铺的其余部分归店主掌管。</translation>
        </message>
        <message>
            <source>This is not yours to do in this shop.</source>
            <translation>在这家店铺中，这不由您来做。</translation>
        </message>
        <message>
            <source>The platform does not answer. Nothing was lost; Zhanggui tries again later.</source>
            <translation>平台没有响应。没有丢失任何内容；掌柜稍后会再试。</translation>
        </message>
        <message>
            <source>Cannot reach the platform. Check the network; Zhanggui keeps trying.</source>
            <translation>无法连接平台。请检查网络，掌柜会继续重试。</translation>
        </message>
        <message>
            <source>The platform needs a newer Zhanggui. Please install the new version.</source>
            <translation>平台需要更新版本的掌柜，请安装新版本。</translation>
        </message>
        <message>
            <source>The platform no longer accepts this sign-in. Please sign in again.</source>
            <translation>平台不再接受当前的登录，请重新登录。</translation>
        </message>
        <message>
            <source>The platform asked for a fresh copy of the shop's data; the next sync fetches it.</source>
            <translation>平台要求重新获取店铺数据，下次同步时会自动获取。</translation>
        </message>
        <message>
            <source>The platform sent an answer Zhanggui cannot read; nothing of it was applied.</source>
            <translation>平台返回的内容掌柜无法读取，其中的内容都没有应用。</translation>
        </message>
        <message>
            <source>The platform does not allow this: %1</source>
            <translation>平台不允许此操作：%1</translation>
        </message>
        <message>
            <source>The platform refused the request (%1).</source>
            <translation>平台拒绝了这个请求（%1）。</translation>
        </message>
        <message>
            <source>This computer's sign-in ended after 30 days without use. Please sign in again; nothing on this computer is lost.</source>
            <translation>这台电脑的登录已因 30 天未使用而失效。请重新登录；这台电脑上的内容不会丢失。</translation>
        </message>
        <message>
            <source>This computer was signed out of the shop. Please sign in again; nothing on this computer is lost.</source>
            <translation>这台电脑已退出店铺登录。请重新登录；这台电脑上的内容不会丢失。</translation>
        </message>
        <message>
            <source>Too many wrong passwords for this shop from this computer. Try again after %1 (%2).</source>
            <translation>这台电脑为该店铺输错密码的次数过多。请在 %1 之后再试（%2）。</translation>
        </message>
        <message>
            <source>The platform does not answer (trying again later)</source>
            <translation>平台没有响应（稍后重试）</translation>
        </message>
        <message>
            <source>Offline: cannot reach the platform (retrying)</source>
            <translation>离线：无法连接平台（正在重试）</translation>
        </message>
        <message>
            <source>Signed out: please sign in again</source>
            <translation>已退出登录：请重新登录</translation>
        </message>
        <message>
            <source>Sign-in expired: please sign in again</source>
            <translation>登录已过期：请重新登录</translation>
        </message>
        <message>
            <source>Platform needs a newer Zhanggui</source>
            <translation>平台需要更新版本的掌柜</translation>
        </message>
        <message>
            <source>A sync is already running</source>
            <translation>已有同步正在进行</translation>
        </message>
        <message>
            <source>Sync cancelled</source>
            <translation>同步已取消</translation>
        </message>
        <message>
            <source>Not signed in: please sign in</source>
            <translation>未登录：请先登录</translation>
        </message>
        <message>
            <source>Sync stopped: the platform's answer was unreadable</source>
            <translation>同步已停止：无法读取平台返回的内容</translation>
        </message>
        <message>
            <source>Sync failed: %1</source>
            <translation>同步失败：%1</translation>
        </message>
        <message>
            <source>The platform at %1 does not answer. Try again in a while.</source>
            <translation>%1 的平台没有响应。请稍后再试。</translation>
        </message>
        <message>
            <source>The platform refused this shop code, user or password. Check them and try again.</source>
            <translation>平台拒绝了这个店铺编号、用户或密码。请检查后重试。</translation>
        </message>
        <message>
            <source>%1 is not a platform address. It looks like https://platform.example.com; your platform gave it to you with your shop code.</source>
            <translation>%1 不是平台地址。平台地址形如 https://platform.example.com，平台会连同店铺编号一起提供给您。</translation>
        </message>
        <message>
            <source>An empty field</source>
            <translation>空白</translation>
        </message>
        <message>
            <source>The platform at %1 does not answer. It may be busy or down: try again in a few minutes.</source>
            <translation>平台 %1 没有响应，可能正忙或暂停服务。请几分钟后再试。</translation>
        </message>
        <message>
            <source>Cannot reach the platform at %1. Check the address and the network.</source>
            <translation>无法连接平台 %1。请检查地址和网络。</translation>
        </message>
        <message>
            <source>Something answers at %1, but it is not a Zhanggui platform. Check the address.</source>
            <translation>%1 有响应，但不是掌柜平台。请检查地址。</translation>
        </message>
        <message>
            <source>This profile belongs to another shop. Open another profile folder to sign in to %1.</source>
            <translation>此档案属于另一家店铺。请打开另一个档案文件夹来登录 %1。</translation>
        </message>
        <message>
            <source>This backup belongs to the shop %1, not to this profile's shop %2. Nothing was changed.</source>
            <translation>这份备份属于店铺 %1，不是本数据的店铺 %2。没有做任何更改。</translation>
        </message>
        <message>
            <source>This backup is damaged or is not a Zhanggui database. Choose another one; nothing was changed.</source>
            <translation>这份备份已损坏，或不是掌柜的数据库。请选择其他备份；没有做任何更改。</translation>
        </message>
        <message>
            <source>Another program is writing the shop's database in %1 right now, and Zhanggui waited for it in vain. Close the other program (or another Zhanggui window on this profile) and try again. Nothing was changed.</source>
            <translation>另一个程序正在写入 %1 中的店铺数据库，掌柜等了一会儿仍未等到它结束。请关闭那个程序（或在这个档案上打开的另一个掌柜窗口）后重试。没有做任何更改。</translation>
        </message>
        <message>
            <source>The disk that holds %1 is full. Free some space on it, then open Zhanggui again. Nothing was changed.</source>
            <translation>存放 %1 的磁盘已满。请先腾出一些空间，再重新打开掌柜。没有做任何更改。</translation>
        </message>
        <message>
            <source>The shop's database in %1 is damaged. Nothing was changed.</source>
            <translation>%1 中的店铺数据库已损坏。没有做任何更改。</translation>
        </message>
        <message>
            <source>The database file in %1 is empty, so it is not a Zhanggui profile and Zhanggui does not start a new one over it. Move the file away, or choose another folder. Nothing was changed.</source>
            <translation>%1 中的数据库文件是空的，它不是掌柜的档案，掌柜也不会在它上面新建档案。请把这个文件移走，或选择另一个文件夹。没有做任何更改。</translation>
        </message>
        <message>
            <source>The file in %1 where Zhanggui keeps its database is not a database at all. Move it away, or choose another folder. Nothing was changed.</source>
            <translation>%1 中掌柜存放数据库的那个文件根本不是数据库。请把它移走，或选择另一个文件夹。没有做任何更改。</translation>
        </message>
        <message>
            <source>The database in %1 belongs to another program, not to Zhanggui. Choose another folder for the shop's profile. Nothing was changed.</source>
            <translation>%1 中的数据库属于另一个程序，不是掌柜的。请为店铺档案选择另一个文件夹。没有做任何更改。</translation>
        </message>
        <message>
            <source>The shop's database in %1 was written by a newer Zhanggui. Please install the new version. Nothing was changed.</source>
            <translation>%1 中的店铺数据库是由更新版本的掌柜写入的。请安装新版本。没有做任何更改。</translation>
        </message>
        <message>
            <source>In %1 there is a folder where Zhanggui keeps its database file. Move it away, or choose another folder. Nothing was changed.</source>
            <translation>在 %1 中，掌柜存放数据库文件的位置是一个文件夹。请把它移走，或选择另一个文件夹。没有做任何更改。</translation>
        </message>
        <message>
            <source>Zhanggui cannot write to the folder %1. Check that it exists and that you may write there. Nothing was changed.</source>
            <translation>掌柜无法写入文件夹 %1。请确认文件夹存在，并且您有写入权限。没有做任何更改。</translation>
        </message>
        <message>
            <source>This shop has no order numbered %1.</source>
            <translation>本店没有编号为 %1 的订单。</translation>
        </message>
        <message>
            <source>Something went wrong (%1).</source>
            <translation>出现了问题（%1）。</translation>
        </message>
        <message>
            <source>The profile in %1 cannot be used. Nothing was changed.</source>
            <translation>%1 中的数据无法使用。没有做任何更改。</translation>
        </message>
        <message>
            <source>the profile folder</source>
            <translation>数据文件夹</translation>
        </message>
    </context>
    <context>
        <name>orders</name>
        <message>
            <source>own customer</source>
            <translation>自有顾客</translation>
        </message>
        <message>
            <source>through a store manager</source>
            <translation>经店长</translation>
        </message>
        <message>
            <source>allocated from public-domain traffic</source>
            <translation>公域流量分配</translation>
        </message>
        <message>
            <source>transferred in</source>
            <translation>转入</translation>
        </message>
        <message>
            <source>Order placed</source>
            <translation>下单</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>已付款</translation>
        </message>
        <message>
            <source>Reviewed by you</source>
            <translation>您已核对</translation>
        </message>
        <message>
            <source>Customer bound by a first order</source>
            <translation>顾客因首单绑定</translation>
        </message>
        <message>
            <source>Customer left with a released manager</source>
            <translation>顾客随放手的店长离开</translation>
        </message>
        <message>
            <source>Customer transferred in</source>
            <translation>顾客转入</translation>
        </message>
        <message>
            <source>Customer allocated from public-domain traffic</source>
            <translation>顾客来自公域流量分配</translation>
        </message>
        <message>
            <source>Shipped</source>
            <translation>已发货</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Refunded</source>
            <translation>已退款</translation>
        </message>
        <message>
            <source>Not reviewed</source>
            <translation>未核对</translation>
        </message>
        <message>
            <source>Reviewed</source>
            <translation>已核对</translation>
        </message>
        <message>
            <source>Unpaid</source>
            <translation>待付款</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>有问题</translation>
        </message>
        <message>
            <source>Follow up</source>
            <translation>待跟进</translation>
        </message>
        <message>
            <source>waiting to sync</source>
            <translation>等待同步</translation>
        </message>
        <message>
            <source>refused by the platform</source>
            <translation>被平台拒绝</translation>
        </message>
        <message>
            <source>unsaved draft</source>
            <translation>未保存的草稿</translation>
        </message>
        <message>
            <source>Money does not add up</source>
            <translation>款项对不上</translation>
        </message>
        <message>
            <source>Not yet paid or differs</source>
            <translation>未结算或有差异</translation>
        </message>
        <message>
            <source>Not yet settleable</source>
            <translation>尚未到结算期</translation>
        </message>
        <message>
            <source>Missing from a statement</source>
            <translation>结算单漏结</translation>
        </message>
        <message>
            <source>Paid twice</source>
            <translation>重复结算</translation>
        </message>
        <message>
            <source>Refunded after settlement</source>
            <translation>结算后退款</translation>
        </message>
        <message>
            <source>Share rate differs</source>
            <translation>分成比例不符</translation>
        </message>
        <message>
            <source>Amount differs</source>
            <translation>金额不符</translation>
        </message>
        <message>
            <source>You have unsaved changes to this review; open the order to finish them.</source>
            <translation>这笔订单的核对有未保存的修改；打开订单即可继续。</translation>
        </message>
        <message>
            <source>Own store</source>
            <translation>自营店</translation>
        </message>
        <message>
            <source>Order no.</source>
            <translation>订单号</translation>
        </message>
        <message>
            <source>Placed at</source>
            <translation>下单时间</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>顾客</translation>
        </message>
        <message>
            <source>Store</source>
            <translation>门店</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Commission</source>
            <translation>佣金</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>核对</translation>
        </message>
        <message>
            <source>Any time</source>
            <translation>全部时间</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>近 7 天</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>近 30 天</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <source>Custom range…</source>
            <translation>自定义范围…</translation>
        </message>
        <message>
            <source>placed %1 to %2</source>
            <translation>下单于 %1 至 %2</translation>
        </message>
        <message>
            <source>store of %1</source>
            <translation>%1 的门店</translation>
        </message>
        <message>
            <source>matching “%1”</source>
            <translation>匹配“%1”</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>CSV file (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <source>Export orders</source>
            <translation>导出订单</translation>
        </message>
        <message>
            <source>Flag</source>
            <translation>标记</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <source>selected-orders-%1</source>
            <translation>选中订单-%1</translation>
        </message>
        <message>
            <source>orders-%1</source>
            <translation>订单-%1</translation>
        </message>
        <message>
            <source>Counting the orders to export…</source>
            <translation>正在统计要导出的订单…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Saving the file…</source>
            <translation>正在保存文件…</translation>
        </message>
        <message>
            <source>Exporting orders… %1 of %2</source>
            <translation>正在导出订单… %1 / %2</translation>
        </message>
        <message>
            <source>Export cancelled; no file was written.</source>
            <translation>导出已取消，未写入任何文件。</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
        <message>
            <source>Open the folder</source>
            <translation>打开所在文件夹</translation>
        </message>
    </context>
    <context>
        <name>people</name>
        <message>
            <source>Owner</source>
            <translation>店主</translation>
        </message>
        <message>
            <source>Assistant</source>
            <translation>助理</translation>
        </message>
        <message>
            <source>Store manager</source>
            <translation>店长</translation>
        </message>
        <message>
            <source>Not signed up yet</source>
            <translation>尚未注册</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>启用</translation>
        </message>
        <message>
            <source>Disabled</source>
            <translation>已停用</translation>
        </message>
        <message>
            <source>the shop's poster</source>
            <translation>店铺海报</translation>
        </message>
        <message>
            <source>a sale event's poster</source>
            <translation>档期海报</translation>
        </message>
        <message>
            <source>product posters</source>
            <translation>商品海报</translation>
        </message>
        <message>
            <source>a sub-store's poster</source>
            <translation>分店海报</translation>
        </message>
        <message>
            <source>Unmarked order %1 as reviewed</source>
            <translation>取消了订单 %1 的已审核标记</translation>
        </message>
        <message>
            <source>Reviewed order %1 (%2)</source>
            <translation>审核了订单 %1（%2）</translation>
        </message>
        <message>
            <source>Reviewed order %1</source>
            <translation>审核了订单 %1</translation>
        </message>
        <message>
            <source>Picked %1</source>
            <translation>选中了 %1</translation>
        </message>
        <message>
            <source>Dropped %1</source>
            <translation>取消选中 %1</translation>
        </message>
        <message>
            <source>Approved the release of %1</source>
            <translation>同意了 %1 的放手申请</translation>
        </message>
        <message>
            <source>Declined the release of %1</source>
            <translation>拒绝了 %1 的放手申请</translation>
        </message>
        <message>
            <source>Printed %1 × %2</source>
            <translation>打印了 %1 份%2</translation>
        </message>
        <message>
            <source>Asked to withdraw %1</source>
            <translation>申请提现 %1</translation>
        </message>
    </context>
    <context>
        <name>posters</name>
        <message>
            <source>A4 poster</source>
            <translation>A4 海报</translation>
        </message>
        <message>
            <source>A5 table tent</source>
            <translation>A5 桌牌</translation>
        </message>
        <message>
            <source>Share image 1080×1920</source>
            <translation>分享图 1080×1920</translation>
        </message>
        <message>
            <source>Label sheet (A4, 8 per page)</source>
            <translation>标签页（A4，每页 8 个）</translation>
        </message>
        <message>
            <source>%1's store</source>
            <translation>%1 的小店</translation>
        </message>
        <message>
            <source>Scan to buy</source>
            <translation>扫码购买</translation>
        </message>
        <message>
            <source>Scan to join the sale</source>
            <translation>扫码抢购</translation>
        </message>
        <message>
            <source>Scan to visit the store</source>
            <translation>扫码进店</translation>
        </message>
        <message>
            <source>MMM d, HH:mm</source>
            <translation>M月d日 HH:mm</translation>
        </message>
        <message>
            <source>%1 – %2</source>
            <translation>%1 – %2</translation>
        </message>
        <message>
            <source>A store of %1</source>
            <translation>%1 旗下小店</translation>
        </message>
        <message>
            <source>Brand goods at sale prices, new every day</source>
            <translation>品牌好货 天天特卖</translation>
        </message>
        <message>
            <source>Commission %1 · for you only</source>
            <translation>佣金 %1 · 仅自己可见</translation>
        </message>
        <message>
            <source>Long-press or scan with WeChat</source>
            <translation>微信扫一扫或长按识别</translation>
        </message>
    </context>
    <context>
        <name>qt</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>查找范围(&amp;L)：</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>文件类型(&amp;T)：</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <source>Page &amp;Set:</source>
            <translation>页面集(&amp;S)：</translation>
        </message>
        <message>
            <source>Page &amp;order:</source>
            <translation>页序(&amp;O)：</translation>
        </message>
        <message>
            <source>Pages &amp;per sheet:</source>
            <translation>每张页数(&amp;P)：</translation>
        </message>
    </context>
    <context>
        <name>releases</name>
        <message>
            <source>Waiting for a decision</source>
            <translation>待处理</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>已同意</translation>
        </message>
        <message>
            <source>Declined</source>
            <translation>已拒绝</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>同意</translation>
        </message>
        <message>
            <source>Decline</source>
            <translation>拒绝</translation>
        </message>
        <message>
            <source>it had already been approved on another computer or on the platform</source>
            <translation>这条申请已在另一台电脑或平台上同意</translation>
        </message>
        <message>
            <source>it had already been declined on another computer or on the platform</source>
            <translation>这条申请已在另一台电脑或平台上拒绝</translation>
        </message>
        <message>
            <source>it had already been decided on another computer or on the platform</source>
            <translation>这条申请已在另一台电脑或平台上处理过</translation>
        </message>
        <message>
            <source>the platform gave no reason</source>
            <translation>平台没有说明原因</translation>
        </message>
        <message>
            <source>You approved · waiting to sync</source>
            <translation>您已同意 · 等待同步</translation>
        </message>
        <message>
            <source>You declined · waiting to sync</source>
            <translation>您已拒绝 · 等待同步</translation>
        </message>
        <message>
            <source>You approved · applied</source>
            <translation>您已同意 · 已生效</translation>
        </message>
        <message>
            <source>You declined · applied</source>
            <translation>您已拒绝 · 已生效</translation>
        </message>
        <message>
            <source>Refused: %1</source>
            <translation>被拒绝：%1</translation>
        </message>
        <message>
            <source>Approved on another computer or the platform</source>
            <translation>已在另一台电脑或平台上同意</translation>
        </message>
        <message>
            <source>Declined on another computer or the platform</source>
            <translation>已在另一台电脑或平台上拒绝</translation>
        </message>
        <message>
            <source>Waiting for your decision</source>
            <translation>等待您决定</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>等待同步</translation>
        </message>
        <message>
            <source>Applied by the platform</source>
            <translation>平台已生效</translation>
        </message>
        <message>
            <source>Recorded by the platform</source>
            <translation>平台已记录</translation>
        </message>
        <message>
            <source>Another computer or the platform</source>
            <translation>另一台电脑或平台</translation>
        </message>
        <message>
            <source>%1 (%2), on this computer</source>
            <translation>%1（%2，本机）</translation>
        </message>
        <message>
            <source>%1, on this computer</source>
            <translation>%1（本机）</translation>
        </message>
        <message>
            <source>Not started</source>
            <translation>未开始</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>进行中</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Not reached</source>
            <translation>未达成</translation>
        </message>
        <message>
            <source>Not assessed</source>
            <translation>未考核</translation>
        </message>
        <message>
            <source>Being assessed</source>
            <translation>考核中</translation>
        </message>
        <message>
            <source>Passed</source>
            <translation>已通过</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>未通过</translation>
        </message>
    </context>
</TS>