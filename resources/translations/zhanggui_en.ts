<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
    <context>
        <name>Arriving</name>
        <message numerus="yes">
            <source>%Ln order(s)</source>
            <translation>
                <numerusform>%Ln order</numerusform>
                <numerusform>%Ln orders</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln customer(s)</source>
            <translation>
                <numerusform>%Ln customer</numerusform>
                <numerusform>%Ln customers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln product(s)</source>
            <translation>
                <numerusform>%Ln product</numerusform>
                <numerusform>%Ln products</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln store manager(s)</source>
            <translation>
                <numerusform>%Ln store manager</numerusform>
                <numerusform>%Ln store managers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln sale event(s)</source>
            <translation>
                <numerusform>%Ln sale event</numerusform>
                <numerusform>%Ln sale events</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln release request(s)</source>
            <translation>
                <numerusform>%Ln release request</numerusform>
                <numerusform>%Ln release requests</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln brand(s)</source>
            <translation>
                <numerusform>%Ln brand</numerusform>
                <numerusform>%Ln brands</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln change(s) received so far</source>
            <translation>
                <numerusform>%Ln change received so far</numerusform>
                <numerusform>%Ln changes received so far</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ChartWords</name>
        <message numerus="yes">
            <source>%Ln other store(s)</source>
            <translation>
                <numerusform>%Ln other store</numerusform>
                <numerusform>%Ln other stores</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln order(s)</source>
            <translation>
                <numerusform>%Ln order</numerusform>
                <numerusform>%Ln orders</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Consequences</name>
        <message numerus="yes">
            <source>%Ln customer(s) left with %1</source>
            <translation>
                <numerusform>%Ln customer left with %1</numerusform>
                <numerusform>%Ln customers left with %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln customer(s) would leave</source>
            <translation>
                <numerusform>%Ln customer would leave</numerusform>
                <numerusform>%Ln customers would leave</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln other customer(s) of the sub-store stay with you. Only customers with a paid order in the sub-store of %1 leave; everyone else stays.</source>
            <translation>
                <numerusform>%Ln other customer of the sub-store stays with you. Only customers with a paid order in the sub-store of %1 leave; everyone else stays.</numerusform>
                <numerusform>%Ln other customers of the sub-store stay with you. Only customers with a paid order in the sub-store of %1 leave; everyone else stays.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln open order(s) of theirs are affected: %1, with %2 commission.</source>
            <translation>
                <numerusform>%Ln open order of theirs is affected: %1, with %2 commission.</numerusform>
                <numerusform>%Ln open orders of theirs are affected: %1, with %2 commission.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln public-domain customer(s) allocated</source>
            <translation>
                <numerusform>%Ln public-domain customer allocated</numerusform>
                <numerusform>%Ln public-domain customers allocated</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln customer(s) will leave with %1 and belong to %1's new shop.</source>
            <translation>
                <numerusform>%Ln customer will leave with %1 and belong to %1's new shop.</numerusform>
                <numerusform>%Ln customers will leave with %1 and belong to %1's new shop.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln other customer(s) of the sub-store stay with you.</source>
            <translation>
                <numerusform>%Ln other customer of the sub-store stays with you.</numerusform>
                <numerusform>%Ln other customers of the sub-store stay with you.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Counted</name>
        <message numerus="yes">
            <source>%Ln minute(s) ago</source>
            <translation>
                <numerusform>%Ln minute ago</numerusform>
                <numerusform>%Ln minutes ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln hour(s) ago</source>
            <translation>
                <numerusform>%Ln hour ago</numerusform>
                <numerusform>%Ln hours ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln product(s)</source>
            <translation>
                <numerusform>%Ln product</numerusform>
                <numerusform>%Ln products</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>in %Ln minute(s)</source>
            <translation>
                <numerusform>in %Ln minute</numerusform>
                <numerusform>in %Ln minutes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CustomerDetailPane</name>
        <message numerus="yes">
            <source>%Ln paid order(s)</source>
            <translation>
                <numerusform>%Ln paid order</numerusform>
                <numerusform>%Ln paid orders</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln order(s)</source>
            <translation>
                <numerusform>%Ln order</numerusform>
                <numerusform>%Ln orders</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CustomersWorkspace</name>
        <message numerus="yes">
            <source>%Ln customer(s)</source>
            <translation>
                <numerusform>%Ln customer</numerusform>
                <numerusform>%Ln customers</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EventsPanel</name>
        <message numerus="yes">
            <source>%Ln sale event(s) on now</source>
            <translation>
                <numerusform>%Ln sale event on now</numerusform>
                <numerusform>%Ln sale events on now</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln sale event(s) coming up</source>
            <translation>
                <numerusform>%Ln sale event coming up</numerusform>
                <numerusform>%Ln sale events coming up</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln sale event(s) ended</source>
            <translation>
                <numerusform>%Ln sale event ended</numerusform>
                <numerusform>%Ln sale events ended</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ManagerDetailPane</name>
        <message numerus="yes">
            <source>%Ln customer(s) of the sub-store</source>
            <translation>
                <numerusform>%Ln customer of the sub-store</numerusform>
                <numerusform>%Ln customers of the sub-store</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln recent order(s)</source>
            <translation>
                <numerusform>%Ln recent order</numerusform>
                <numerusform>%Ln recent orders</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ManagersTableModel</name>
        <message numerus="yes">
            <source>%Ln day(s)</source>
            <translation>
                <numerusform>%Ln day</numerusform>
                <numerusform>%Ln days</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ManagersWorkspace</name>
        <message numerus="yes">
            <source>%Ln store manager(s)</source>
            <translation>
                <numerusform>%Ln store manager</numerusform>
                <numerusform>%Ln store managers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln on track</source>
            <translation>
                <numerusform>%Ln on track</numerusform>
                <numerusform>%Ln on track</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln at risk</source>
            <translation>
                <numerusform>%Ln at risk</numerusform>
                <numerusform>%Ln at risk</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln stalled</source>
            <translation>
                <numerusform>%Ln stalled</numerusform>
                <numerusform>%Ln stalled</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln past the deadline</source>
            <translation>
                <numerusform>%Ln past the deadline</numerusform>
                <numerusform>%Ln past the deadline</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln shown</source>
            <translation>
                <numerusform>%Ln shown</numerusform>
                <numerusform>%Ln shown</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OrderCounts</name>
        <message numerus="yes">
            <source>%Ln order(s)</source>
            <translation>
                <numerusform>%Ln order</numerusform>
                <numerusform>%Ln orders</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln order(s) were written to %1.</source>
            <translation>
                <numerusform>%Ln order was written to %1.</numerusform>
                <numerusform>%Ln orders were written to %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PosterStudio</name>
        <message numerus="yes">
            <source>%Ln poster(s)</source>
            <translation>
                <numerusform>%Ln poster</numerusform>
                <numerusform>%Ln posters</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln page(s)</source>
            <translation>
                <numerusform>%Ln page</numerusform>
                <numerusform>%Ln pages</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ProductBatch</name>
        <message numerus="yes">
            <source>%Ln product(s) found</source>
            <translation>
                <numerusform>%Ln product found</numerusform>
                <numerusform>%Ln products found</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln product(s) ticked</source>
            <translation>
                <numerusform>%Ln product ticked</numerusform>
                <numerusform>%Ln products ticked</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>QuitQuestion</name>
        <message numerus="yes">
            <source>%Ln action(s) you took on this computer have not reached the platform yet.</source>
            <translation>
                <numerusform>%Ln action you took on this computer has not reached the platform yet.</numerusform>
                <numerusform>%Ln actions you took on this computer have not reached the platform yet.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReleasesWorkspace</name>
        <message numerus="yes">
            <source>%Ln request(s) wait for your decision. Open one to see who would leave with the manager before you decide.</source>
            <translation>
                <numerusform>%Ln request waits for your decision. Open it to see who would leave with the manager before you decide.</numerusform>
                <numerusform>%Ln requests wait for your decision. Open one to see who would leave with the manager before you decide.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SaleEventListModel</name>
        <message numerus="yes">
            <source>%Ln product(s)</source>
            <translation>
                <numerusform>%Ln product</numerusform>
                <numerusform>%Ln products</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SyncStatusLabel</name>
        <message numerus="yes">
            <source>%Ln action(s) waiting to sync</source>
            <translation>
                <numerusform>%Ln action waiting to sync</numerusform>
                <numerusform>%Ln actions waiting to sync</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln action(s) refused by the platform</source>
            <translation>
                <numerusform>%Ln action refused by the platform</numerusform>
                <numerusform>%Ln actions refused by the platform</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Syncing… sending %Ln action(s)</source>
            <translation>
                <numerusform>Syncing… sending %Ln action</numerusform>
                <numerusform>Syncing… sending %Ln actions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Taking a fresh copy of the shop… %Ln row(s) received; this copy stays in use</source>
            <translation>
                <numerusform>Taking a fresh copy of the shop… %Ln row received; this copy stays in use</numerusform>
                <numerusform>Taking a fresh copy of the shop… %Ln rows received; this copy stays in use</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Syncing… %Ln change(s) received</source>
            <translation>
                <numerusform>Syncing… %Ln change received</numerusform>
                <numerusform>Syncing… %Ln changes received</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TrafficPanel</name>
        <message numerus="yes">
            <source>%Ln more customer(s) are due to arrive</source>
            <translation>
                <numerusform>%Ln more customer is due to arrive</numerusform>
                <numerusform>%Ln more customers are due to arrive</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>_Words</name>
        <message numerus="yes">
            <source>%Ln action(s) waiting to sync will be sent now.</source>
            <translation>
                <numerusform>%Ln action waiting to sync will be sent now.</numerusform>
                <numerusform>%Ln actions waiting to sync will be sent now.</numerusform>
            </translation>
        </message>
    </context>
</TS>