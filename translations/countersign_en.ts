<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Countersign::ApplyProposalDialog</name>
    <message numerus="yes">
        <source>%1 hours for %n action(s)</source>
        <translation>
            <numerusform>%1 hours for %n action</numerusform>
            <numerusform>%1 hours for %n actions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countersign::BatchDialog</name>
    <message numerus="yes">
        <source>%1 (%n item(s))</source>
        <translation>
            <numerusform>%1 (%n item)</numerusform>
            <numerusform>%1 (%n items)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) in this category.</source>
        <translation>
            <numerusform>%n item in this category.</numerusform>
            <numerusform>%n items in this category.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected item(s) of other categories are not included.</source>
        <translation>
            <numerusform>%n selected item of another category is not included.</numerusform>
            <numerusform>%n selected items of other categories are not included.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approve %n</source>
        <translation>
            <numerusform>Approve %n</numerusform>
            <numerusform>Approve %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n</source>
        <translation>
            <numerusform>Reject %n</numerusform>
            <numerusform>Reject %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countersign::DiffWidget</name>
    <message numerus="yes">
        <source>%n added</source>
        <comment>lines</comment>
        <translation>
            <numerusform>%n added</numerusform>
            <numerusform>%n added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <comment>lines</comment>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %2, in %n place(s)</source>
        <comment>lines added, lines removed</comment>
        <translation>
            <numerusform>%1 and %2, in %n place</numerusform>
            <numerusform>%1 and %2, in %n places</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) added</source>
        <translation>
            <numerusform>%n line added</numerusform>
            <numerusform>%n lines added</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countersign::DrillDownDialog</name>
    <message numerus="yes">
        <source>%1 of %n action(s)</source>
        <translation>
            <numerusform>%1 of %n action</numerusform>
            <numerusform>%1 of %n actions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countersign::HistoryWindow</name>
    <message numerus="yes">
        <source>✔ The history is intact: %n decision(s), each linked to the one before.</source>
        <translation>
            <numerusform>✔ The history is intact: %n decision, linked to the one before.</numerusform>
            <numerusform>✔ The history is intact: %n decisions, each linked to the one before.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countersign::JsonTreeModel</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s)</source>
        <translation>
            <numerusform>%n field</numerusform>
            <numerusform>%n fields</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countersign::MainWindow</name>
    <message numerus="yes">
        <source>%n item(s) decided.</source>
        <translation>
            <numerusform>%n item decided.</numerusform>
            <numerusform>%n items decided.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) changed meanwhile and were not decided.</source>
        <translation>
            <numerusform>%n item changed meanwhile and was not decided.</numerusform>
            <numerusform>%n items changed meanwhile and were not decided.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Countersign: %n pending</source>
        <translation>
            <numerusform>Countersign: %n pending</numerusform>
            <numerusform>Countersign: %n pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approve %n item(s) at once?</source>
        <translation>
            <numerusform>Approve %n item at once?</numerusform>
            <numerusform>Approve %n items at once?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) saved on this computer, sent in order as soon as the server answers.</source>
        <translation>
            <numerusform>%n decision saved on this computer, sent as soon as the server answers.</numerusform>
            <numerusform>%n decisions saved on this computer, sent in order as soon as the server answers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) could not be sent to the server yet.</source>
        <translation>
            <numerusform>%n decision could not be sent to the server yet.</numerusform>
            <numerusform>%n decisions could not be sent to the server yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting to send (%n)</source>
        <translation>
            <numerusform>Waiting to send (%n)</numerusform>
            <numerusform>Waiting to send (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countersign::NotificationBatcher</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) need your attention</source>
        <translation>
            <numerusform>%n item needs your attention</numerusform>
            <numerusform>%n items need your attention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new item(s) to review</source>
        <translation>
            <numerusform>%n new item to review</numerusform>
            <numerusform>%n new items to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) escalated</source>
        <translation>
            <numerusform>%n item escalated</numerusform>
            <numerusform>%n items escalated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) past the review deadline</source>
        <translation>
            <numerusform>%n item past the review deadline</numerusform>
            <numerusform>%n items past the review deadline</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items are past their review deadline.</source>
        <translation>
            <numerusform>%n item is past its review deadline.</numerusform>
            <numerusform>%n items are past their review deadline.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countersign::PatchFileModel</name>
    <message numerus="yes">
        <source>%1: %2, %n line(s) added</source>
        <translation>
            <numerusform>%1: %2, %n line added</numerusform>
            <numerusform>%1: %2, %n lines added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) removed</source>
        <translation>
            <numerusform>%n line removed</numerusform>
            <numerusform>%n lines removed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countersign::PatchView</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countersign::QueueGroupModel</name>
    <message numerus="yes">
        <source>%n item(s). Press Enter or use the context menu to review the group at once.</source>
        <translation>
            <numerusform>%n item. Press Enter or use the context menu to review the group at once.</numerusform>
            <numerusform>%n items. Press Enter or use the context menu to review the group at once.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countersign::QueuePanel</name>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countersign::ReviewPane</name>
    <message numerus="yes">
        <source>%1 in %n s — %2 to undo</source>
        <translation>
            <numerusform>%1 in %n s — %2 to undo</numerusform>
            <numerusform>%1 in %n s — %2 to undo</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countersign::ReviewerTableModel</name>
    <message numerus="yes">
        <source>%1 of %n checked approvals found wrong</source>
        <translation>
            <numerusform>%1 of %n checked approval found wrong</numerusform>
            <numerusform>%1 of %n checked approvals found wrong</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of their approvals sampled for a spot check</source>
        <translation>
            <numerusform>%n approval of theirs sampled for a spot check</numerusform>
            <numerusform>%n of their approvals sampled for a spot check</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countersign::ReviewersPanel</name>
    <message numerus="yes">
        <source>Your own figures; the share is of all %n reviewer decisions in this period.</source>
        <translation>
            <numerusform>Your own figures; the share is of the %n reviewer decision in this period.</numerusform>
            <numerusform>Your own figures; the share is of all %n reviewer decisions in this period.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countersign::SessionBanner</name>
    <message numerus="yes">
        <source>Trying again in %n s.</source>
        <translation>
            <numerusform>Trying again in %n s.</numerusform>
            <numerusform>Trying again in %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) will be sent when it is back.</source>
        <translation>
            <numerusform>%n decision will be sent when it is back.</numerusform>
            <numerusform>%n decisions will be sent when it is back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server did not accept %n of your decisions. The latest, on “%1”: %2</source>
        <translation>
            <numerusform>The server did not accept %n of your decisions. The latest, on “%1”: %2</numerusform>
            <numerusform>The server did not accept %n of your decisions. The latest, on “%1”: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countersign::WhatIfPanel</name>
    <message numerus="yes">
        <source>No action of the %n action(s) in this period would have landed in another tier.</source>
        <translation>
            <numerusform>The %n action in this period would not have landed in another tier.</numerusform>
            <numerusform>None of the %n actions in this period would have landed in another tier.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) would have changed tier.</source>
        <translation>
            <numerusform>%n action would have changed tier.</numerusform>
            <numerusform>%n actions would have changed tier.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It would have auto-approved %n that reviewers rejected or edited.</source>
        <translation>
            <numerusform>It would have auto-approved %n that reviewers rejected or edited.</numerusform>
            <numerusform>It would have auto-approved %n that reviewers rejected or edited.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reviewing the %n newly sent to review would have taken about %1 hours.</source>
        <translation>
            <numerusform>Reviewing the %n action newly sent to review would have taken about %1 hours.</numerusform>
            <numerusform>Reviewing the %n actions newly sent to review would have taken about %1 hours.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) it would prohibit were approved.</source>
        <translation>
            <numerusform>%n action it would prohibit was approved.</numerusform>
            <numerusform>%n actions it would prohibit were approved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n auto-approval(s) with a spot-check problem stay automatic.</source>
        <translation>
            <numerusform>%n auto-approval with a spot-check problem stays automatic.</numerusform>
            <numerusform>%n auto-approvals with a spot-check problem stay automatic.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiffRowPainter</name>
    <message numerus="yes">
        <source>%n line(s) hidden (not in the patch)</source>
        <translation>
            <numerusform>%n line hidden (not in the patch)</numerusform>
            <numerusform>%n lines hidden (not in the patch)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuarterlyReport</name>
    <message numerus="yes">
        <source>What if: would have auto-approved %n that reviewers rejected or edited.</source>
        <translation>
            <numerusform>What if: would have auto-approved %n that reviewers rejected or edited.</numerusform>
            <numerusform>What if: would have auto-approved %n that reviewers rejected or edited.</numerusform>
        </translation>
    </message>
</context>
</TS>
