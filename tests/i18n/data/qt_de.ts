<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- A stand-in for the qt_de.qm that Qt's deployment merges into a relocatable package's
     translations/ folder: its marker text proves that the app took Qt's strings from there. -->
<TS version="2.1" language="de_DE">
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen (mitgeliefert)</translation>
    </message>
</context>
</TS>
