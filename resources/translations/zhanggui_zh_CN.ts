<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
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
            <source>My picks (%1)</source>
            <translation>我的选品（%1）</translation>
        </message>
        <message>
            <source>All products</source>
            <translation>全部商品</translation>
        </message>
    </context>
    <context>
        <name>Counted</name>
        <message numerus="yes">
            <source>%n minute(s) ago</source>
            <translation>
                <numerusform>%n 分钟前</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hour(s) ago</source>
            <translation>
                <numerusform>%n 小时前</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln product(s)</source>
            <translation>
                <numerusform>%Ln 件商品</numerusform>
            </translation>
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
            <source>Waiting for you</source>
            <translation>待您处理</translation>
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
            <source>waiting for your decision</source>
            <translation>等待您的决定</translation>
        </message>
        <message>
            <source>none waiting</source>
            <translation>暂无待处理</translation>
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
        <name>EventsPanel</name>
        <message>
            <source>All products</source>
            <translation>全部商品</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message numerus="yes">
            <source>%n sale event(s) on now</source>
            <translation>
                <numerusform>%n 个档期进行中</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sale event(s) coming up</source>
            <translation>
                <numerusform>%n 个档期即将开始</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sale event(s) ended</source>
            <translation>
                <numerusform>%n 个档期已结束</numerusform>
            </translation>
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
            <source>Search order no., customer or product</source>
            <translation>搜索订单号、顾客或商品</translation>
        </message>
        <message>
            <source>Clear filters</source>
            <translation>清除筛选</translation>
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
            <source>A sync is already running</source>
            <translation>已有同步正在进行</translation>
        </message>
        <message>
            <source>About Zhanggui</source>
            <translation>关于掌柜</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Zhanggui %1&lt;/h3&gt;&lt;p&gt;The shop owner's desktop workbench: your shop's orders, store managers, customers and posters on this computer, working offline and syncing with the platform.&lt;/p&gt;&lt;p&gt;Profile folder: %2&lt;/p&gt;</source>
            <translation>&lt;h3&gt;掌柜 %1&lt;/h3&gt;&lt;p&gt;店主的桌面工作台：店铺的订单、店长、顾客和海报都在这台电脑上，离线也能用，并与平台同步。&lt;/p&gt;&lt;p&gt;数据文件夹：%2&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>OrderDetailPane</name>
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
            <source>Flag</source>
            <translation>标记</translation>
        </message>
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
            <source>Waiting to sync</source>
            <translation>等待同步</translation>
        </message>
        <message>
            <source>Refused by the platform: %1</source>
            <translation>平台拒绝：%1</translation>
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
        <name>SaleEventListModel</name>
        <message>
            <source>%1 products</source>
            <translation>%1 件商品</translation>
        </message>
        <message>
            <source>%1
%2 to %3</source>
            <translation>%1
%2 至 %3</translation>
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
            <source>Platform address</source>
            <translation>平台地址</translation>
        </message>
        <message>
            <source>Shop code</source>
            <translation>店铺编号</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <source>Signing in…</source>
            <translation>正在登录…</translation>
        </message>
    </context>
    <context>
        <name>SyncStatusLabel</name>
        <message numerus="yes">
            <source>%n action(s) waiting to sync</source>
            <translation>
                <numerusform>%n 项待同步</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n action(s) refused by the platform</source>
            <translation>
                <numerusform>%n 项被平台拒绝</numerusform>
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
        <name>app</name>
        <message>
            <source>Cannot open the shop's profile</source>
            <translation>无法打开店铺数据</translation>
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
        <name>demo</name>
        <message>
            <source>Preparing the demo shop…</source>
            <translation>正在准备演示店铺…</translation>
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
            <source>There is no such order in this shop.</source>
            <translation>本店没有这个订单。</translation>
        </message>
        <message>
            <source>This value is not allowed (%1).</source>
            <translation>这个值不允许（%1）。</translation>
        </message>
        <message>
            <source>Something went wrong: %1</source>
            <translation>出现问题：%1</translation>
        </message>
        <message>
            <source>An unexpected error occurred: %1</source>
            <translation>发生意外错误：%1</translation>
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
            <source>The platform refused the request (%1).</source>
            <translation>平台拒绝了这个请求（%1）。</translation>
        </message>
        <message>
            <source>Offline: cannot reach the platform (retrying)</source>
            <translation>离线：无法连接平台（正在重试）</translation>
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
            <source>The platform refused this shop code or password. Check both and try again.</source>
            <translation>平台拒绝了这个店铺编号或密码。请检查后重试。</translation>
        </message>
        <message>
            <source>Cannot reach the platform at %1. Check the address and the network.</source>
            <translation>无法连接平台 %1。请检查地址和网络。</translation>
        </message>
        <message>
            <source>This profile belongs to another shop. Open another profile folder to sign in to %1.</source>
            <translation>此档案属于另一家店铺。请打开另一个档案文件夹来登录 %1。</translation>
        </message>
        <message>
            <source>The shop's database in %1 is damaged, or it is not a Zhanggui database. Nothing was changed.</source>
            <translation>%1 中的店铺数据库已损坏，或者不是掌柜的数据库。没有做任何更改。</translation>
        </message>
        <message>
            <source>The file in %1 is not a Zhanggui database, or it was written by a newer Zhanggui. Nothing was changed.</source>
            <translation>%1 中的文件不是掌柜的数据库，或者是由更新版本的掌柜写入的。没有做任何更改。</translation>
        </message>
        <message>
            <source>Zhanggui cannot write to the folder %1. Check that it exists and that you may write there. Nothing was changed.</source>
            <translation>掌柜无法写入文件夹 %1。请确认文件夹存在，并且您有写入权限。没有做任何更改。</translation>
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
            <source>Awaiting payment</source>
            <translation>待付款</translation>
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
            <source>%1 orders</source>
            <translation>%1 笔订单</translation>
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
            <source>Exporting orders…</source>
            <translation>正在导出订单…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Exporting orders… %1 of %2</source>
            <translation>正在导出订单… %1 / %2</translation>
        </message>
        <message>
            <source>%1 orders were written to %2.</source>
            <translation>已将 %1 笔订单写入 %2。</translation>
        </message>
        <message>
            <source>Export cancelled; no file was written.</source>
            <translation>导出已取消，未写入任何文件。</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
    </context>
</TS>