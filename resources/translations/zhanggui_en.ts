<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
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
</TS>