<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
    <context>
        <name>Consequences</name>
        <message numerus="yes">
            <source>%n customer(s) left with %1</source>
            <translation>
                <numerusform>%n customer left with %1</numerusform>
                <numerusform>%n customers left with %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n customer(s) would leave</source>
            <translation>
                <numerusform>%n customer would leave</numerusform>
                <numerusform>%n customers would leave</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n other customer(s) of the sub-store stay with you. Only customers with a paid order in the sub-store of %1 leave; everyone else stays.</source>
            <translation>
                <numerusform>%n other customer of the sub-store stays with you. Only customers with a paid order in the sub-store of %1 leave; everyone else stays.</numerusform>
                <numerusform>%n other customers of the sub-store stay with you. Only customers with a paid order in the sub-store of %1 leave; everyone else stays.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n open order(s) of theirs are affected: %1, with %2 commission.</source>
            <translation>
                <numerusform>%n open order of theirs is affected: %1, with %2 commission.</numerusform>
                <numerusform>%n open orders of theirs are affected: %1, with %2 commission.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n public-domain customer(s) allocated</source>
            <translation>
                <numerusform>%n public-domain customer allocated</numerusform>
                <numerusform>%n public-domain customers allocated</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n customer(s) will leave with %1 and belong to %1's new shop.</source>
            <translation>
                <numerusform>%n customer will leave with %1 and belong to %1's new shop.</numerusform>
                <numerusform>%n customers will leave with %1 and belong to %1's new shop.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n other customer(s) of the sub-store stay with you.</source>
            <translation>
                <numerusform>%n other customer of the sub-store stays with you.</numerusform>
                <numerusform>%n other customers of the sub-store stay with you.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Counted</name>
        <message numerus="yes">
            <source>%n minute(s) ago</source>
            <translation>
                <numerusform>%n minute ago</numerusform>
                <numerusform>%n minutes ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hour(s) ago</source>
            <translation>
                <numerusform>%n hour ago</numerusform>
                <numerusform>%n hours ago</numerusform>
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
            <source>in %n minute(s)</source>
            <translation>
                <numerusform>in %n minute</numerusform>
                <numerusform>in %n minutes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CustomerDetailPane</name>
        <message numerus="yes">
            <source>%n paid order(s)</source>
            <translation>
                <numerusform>%n paid order</numerusform>
                <numerusform>%n paid orders</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n order(s)</source>
            <translation>
                <numerusform>%n order</numerusform>
                <numerusform>%n orders</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CustomersWorkspace</name>
        <message numerus="yes">
            <source>%n customer(s)</source>
            <translation>
                <numerusform>%n customer</numerusform>
                <numerusform>%n customers</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EventsPanel</name>
        <message numerus="yes">
            <source>%n sale event(s) on now</source>
            <translation>
                <numerusform>%n sale event on now</numerusform>
                <numerusform>%n sale events on now</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sale event(s) coming up</source>
            <translation>
                <numerusform>%n sale event coming up</numerusform>
                <numerusform>%n sale events coming up</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sale event(s) ended</source>
            <translation>
                <numerusform>%n sale event ended</numerusform>
                <numerusform>%n sale events ended</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ManagerDetailPane</name>
        <message numerus="yes">
            <source>%n customer(s) of the sub-store</source>
            <translation>
                <numerusform>%n customer of the sub-store</numerusform>
                <numerusform>%n customers of the sub-store</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n recent order(s)</source>
            <translation>
                <numerusform>%n recent order</numerusform>
                <numerusform>%n recent orders</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ManagersTableModel</name>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n day</numerusform>
                <numerusform>%n days</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ManagersWorkspace</name>
        <message numerus="yes">
            <source>%n store manager(s)</source>
            <translation>
                <numerusform>%n store manager</numerusform>
                <numerusform>%n store managers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n on track</source>
            <translation>
                <numerusform>%n on track</numerusform>
                <numerusform>%n on track</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n at risk</source>
            <translation>
                <numerusform>%n at risk</numerusform>
                <numerusform>%n at risk</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n stalled</source>
            <translation>
                <numerusform>%n stalled</numerusform>
                <numerusform>%n stalled</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n past the deadline</source>
            <translation>
                <numerusform>%n past the deadline</numerusform>
                <numerusform>%n past the deadline</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n shown</source>
            <translation>
                <numerusform>%n shown</numerusform>
                <numerusform>%n shown</numerusform>
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
            <source>%n poster(s)</source>
            <translation>
                <numerusform>%n poster</numerusform>
                <numerusform>%n posters</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n page</numerusform>
                <numerusform>%n pages</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ProductBatch</name>
        <message numerus="yes">
            <source>%n product(s) ticked</source>
            <translation>
                <numerusform>%n product ticked</numerusform>
                <numerusform>%n products ticked</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReleasesWorkspace</name>
        <message numerus="yes">
            <source>%n request(s) wait for your decision. Open one to see who would leave with the manager before you decide.</source>
            <translation>
                <numerusform>%n request waits for your decision. Open it to see who would leave with the manager before you decide.</numerusform>
                <numerusform>%n requests wait for your decision. Open one to see who would leave with the manager before you decide.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SyncStatusLabel</name>
        <message numerus="yes">
            <source>%n action(s) waiting to sync</source>
            <translation>
                <numerusform>%n action waiting to sync</numerusform>
                <numerusform>%n actions waiting to sync</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n action(s) refused by the platform</source>
            <translation>
                <numerusform>%n action refused by the platform</numerusform>
                <numerusform>%n actions refused by the platform</numerusform>
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
            <source>%n more customer(s) are due to arrive</source>
            <translation>
                <numerusform>%n more customer is due to arrive</numerusform>
                <numerusform>%n more customers are due to arrive</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>_Words</name>
        <message numerus="yes">
            <source>%n action(s) waiting to sync will be sent now.</source>
            <translation>
                <numerusform>%n action waiting to sync will be sent now.</numerusform>
                <numerusform>%n actions waiting to sync will be sent now.</numerusform>
            </translation>
        </message>
    </context>
</TS>