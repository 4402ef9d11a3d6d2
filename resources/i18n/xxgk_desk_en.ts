<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>App</name>
    <message>
        <location filename="../../xxgk_desk/gui/app.py" line="64"/>
        <source>高校信息公开年报审核</source>
        <translation>Disclosure Report Review</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/banner.py" line="50"/>
        <source>隐藏这条提示</source>
        <translation>Hide this notice</translation>
    </message>
</context>
<context>
    <name>ChartsPage</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/chart_view.py" line="202"/>
        <source>导出图片…</source>
        <translation>Export picture…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/chart_view.py" line="207"/>
        <source>省份：</source>
        <translation>Province:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/chart_view.py" line="198"/>
        <location filename="../../xxgk_desk/gui/views/chart_view.py" line="235"/>
        <source>自动</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/chart_view.py" line="209"/>
        <source>年度：</source>
        <translation>School year:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/chart_view.py" line="268"/>
        <source>全部图表（一张图片）…</source>
        <translation>All charts (one picture)…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/chart_view.py" line="289"/>
        <source>全省概览图表</source>
        <translation>Province charts</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/chart_view.py" line="293"/>
        <source>导出图片</source>
        <translation>Export picture</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/chart_view.py" line="303"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/chart_view.py" line="303"/>
        <source>无法写入文件：%1</source>
        <translation>Cannot write the file: %1</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/chart_view.py" line="305"/>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="286"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="287"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="288"/>
        <source>公开事项</source>
        <translation>Disclosure item</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="290"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="371"/>
        <source>已覆盖 %1 项，不适用 %2 项，未找到 %3 项</source>
        <translation>%1 covered, %2 not applicable, %3 not found</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="606"/>
        <source>工作区中没有同一学校不同年度的两份报告。</source>
        <translation>The workspace has no two reports of the same university from different years.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="614"/>
        <source>正在比较……</source>
        <translation>Comparing…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="629"/>
        <source>无法比较这两份报告（文件未读取）。</source>
        <translation>Cannot compare these two reports (files not read).</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="633"/>
        <source>&#x3000;⚠ 与上年几乎相同</source>
        <translation>  ⚠ almost identical to last year</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="642"/>
        <source>问题 %1 条。数据与上年完全相同：%2</source>
        <translation>%1 findings. Figures identical to last year: %2</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="644"/>
        <source>无</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/exchange.py" line="87"/>
        <source>合并冲突</source>
        <translation>Merge conflicts</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/exchange.py" line="92"/>
        <source>保留本机版本</source>
        <translation>Keep local version</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/exchange.py" line="93"/>
        <source>采用导入版本</source>
        <translation>Use imported version</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/exchange.py" line="94"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/exchange.py" line="104"/>
        <source>两人都修改过的内容：</source>
        <translation>Changed by both reviewers:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/exchange.py" line="119"/>
        <source>没有待处理的冲突。</source>
        <translation>No conflicts to resolve.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/exchange.py" line="137"/>
        <source>操作未完成</source>
        <translation>Action not completed</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="78"/>
        <source>缺失合计</source>
        <translation>Total missing</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="90"/>
        <source>缺 %1 份，部分 %2 份，有 %3 份</source>
        <translation>Missing in %1, partial in %2, present in %3 reports</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="106"/>
        <source>未读取</source>
        <translation>Not read</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="39"/>
        <source>导出审核意见</source>
        <translation>Export review memo</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="42"/>
        <source>审核意见（发给学校的公文）</source>
        <translation>Review letter (official letter to the university)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="43"/>
        <source>审核记录（内部工作底稿）</source>
        <translation>Review record (internal worksheet)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="45"/>
        <source>列出尚未处理的自动检查结果（附件中标为“系统预审”）</source>
        <translation>List open automatic findings (marked “pre-review” in the annex)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="46"/>
        <source>附问题清单</source>
        <translation>Annex: list of problems</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="48"/>
        <source>附审核规则说明</source>
        <translation>Annex: the rules explained</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="50"/>
        <source>另附一页：意见中问题涉及的审核规则及其依据、说明和整改建议（选择会记住）</source>
        <translation>An extra annex: the rules behind the letter&apos;s problems, with their basis, why they matter and what to do (the choice is remembered)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="56"/>
        <source>审核单位设置…</source>
        <translation>Reviewing office settings…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="60"/>
        <source>只含未解决的批注</source>
        <translation>Unresolved notes only</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="61"/>
        <source>引文带上下文</source>
        <translation>Quotes with context</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="62"/>
        <source>包括已驳回的自动检查结果</source>
        <translation>Add dismissed findings</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="63"/>
        <source>包括尚未处理的自动检查结果</source>
        <translation>Add open findings</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="65"/>
        <source>附清单覆盖情况表</source>
        <translation>Add checklist table</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="80"/>
        <source>纯文本 (.txt)</source>
        <translation>Plain text (.txt)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="86"/>
        <source>导出审核意见…</source>
        <translation>Export review memo…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="89"/>
        <source>批注表 XLSX…</source>
        <translation>Notes table XLSX…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="90"/>
        <source>批注表 CSV…</source>
        <translation>Notes table CSV…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="91"/>
        <source>W3C 批注 JSON…</source>
        <translation>W3C annotations JSON…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="95"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="98"/>
        <source>导出：</source>
        <translation>Export:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="124"/>
        <source>格式：</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="82"/>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="236"/>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="243"/>
        <source>预览（导出的内容）：</source>
        <translation>Preview (what will be exported):</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="169"/>
        <source>无法保存设置</source>
        <translation>Cannot save the settings</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="212"/>
        <source>尚未设置发文机关：请点“审核单位设置…”填写，落款处暂写“（发文机关）”。</source>
        <translation>No issuing office set: click “Reviewing office settings…”; the signature reads “(issuing office)” for now.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="223"/>
        <source>预览（正在生成……）：</source>
        <translation>Preview (being built…):</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="264"/>
        <source>保存审核意见</source>
        <translation>Save review memo</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="273"/>
        <source>保存审核记录</source>
        <translation>Save review record</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="289"/>
        <source>保存批注表</source>
        <translation>Save notes table</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="306"/>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="306"/>
        <source>已保存到：%1</source>
        <translation>Saved to: %1</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="311"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>FieldsModel</name>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="47"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="48"/>
        <source>提取值</source>
        <translation>Extracted</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="49"/>
        <source>审核值</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="50"/>
        <source>已核对</source>
        <translation>Checked</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="51"/>
        <source>页</source>
        <translation>Page</translation>
    </message>
</context>
<context>
    <name>FieldsPanel</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="110"/>
        <source>双击“审核值”可修改；勾选“已核对”表示已对照原文确认。点击一行跳到原文依据。</source>
        <translation>Double-click “Reviewed” to edit; tick “Checked” once confirmed against the original. Click a row to jump to its source.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="389"/>
        <source>查找…</source>
        <translation>Find…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="394"/>
        <source>上一个</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="395"/>
        <source>下一个</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="396"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="402"/>
        <source>查找：</source>
        <translation>Find:</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="123"/>
        <source>应当怎么做：</source>
        <translation>What to do: </translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="124"/>
        <source>未处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="124"/>
        <source>已采纳</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="124"/>
        <source>已驳回</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="127"/>
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="139"/>
        <source>问题</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="143"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="145"/>
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="151"/>
        <source>处理</source>
        <translation>Decision</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="141"/>
        <source>采纳为批注 (A)</source>
        <translation>Accept as note (A)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="142"/>
        <source>驳回… (D)</source>
        <translation>Dismiss… (D)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="143"/>
        <source>撤销处理</source>
        <translation>Undo decision</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="144"/>
        <source>说明</source>
        <translation>Explain</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="146"/>
        <source>显示规则的依据、为什么重要和应当怎么做</source>
        <translation>Show the rule&apos;s basis, why it matters and what to do</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="204"/>
        <source>驳回理由：</source>
        <translation>Reason for dismissal: </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="103"/>
        <source>无法打开审核数据库</source>
        <translation>Cannot open the review database</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="104"/>
        <source>选择或新建其他审核数据库…</source>
        <translation>Choose or create another review database…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="115"/>
        <source>选择或新建审核数据库</source>
        <translation>Choose or create a review database</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="117"/>
        <source>审核数据库</source>
        <translation>Review database</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="135"/>
        <source>审核数据库：%1</source>
        <translation>Review database: %1</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="138"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="856"/>
        <source>高校信息公开年报审核</source>
        <translation>University Disclosure Report Review</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="167"/>
        <source>目录</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="170"/>
        <source>标准部分</source>
        <translation>Standard parts</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="179"/>
        <source>问题</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="180"/>
        <source>字段</source>
        <translation>Fields</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="181"/>
        <source>批注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="182"/>
        <source>清单</source>
        <translation>Checklist (清单)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="184"/>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="203"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="31"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="48"/>
        <source>打开…</source>
        <extracomment>Menus whose commands act on the open report: behind the welcome page they bring the report back first.</extracomment>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="54"/>
        <source>全省概览（批量审核）…</source>
        <translation>Province overview (batch review)…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="56"/>
        <source>最近打开</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="58"/>
        <source>关闭报告</source>
        <translation>Close report</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="63"/>
        <source>导出审核意见…</source>
        <translation>Export review memo…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="70"/>
        <source>导出审核记录（交换文件）…</source>
        <translation>Export review records (exchange file)…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="72"/>
        <source>导入审核记录（合并）…</source>
        <translation>Import review records (merge)…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="74"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="32"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="75"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="76"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="80"/>
        <source>查找…</source>
        <translation>Find…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="88"/>
        <source>添加批注…</source>
        <translation>Add note…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="93"/>
        <source>整篇或某部分的批注…</source>
        <translation>Note on whole report or part…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="33"/>
        <source>审核(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="52"/>
        <source>粘贴报告</source>
        <translation>Paste report</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="68"/>
        <source>审核单位设置…</source>
        <translation>Reviewing office settings…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="73"/>
        <source>切换审核数据库…</source>
        <translation>Switch review database…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="95"/>
        <source>下一个问题</source>
        <translation>Next finding</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="96"/>
        <source>上一个问题</source>
        <translation>Previous finding</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="97"/>
        <source>下一条批注</source>
        <translation>Next note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="98"/>
        <source>上一条批注</source>
        <translation>Previous note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="102"/>
        <source>下一份报告（按概览顺序）</source>
        <translation>Next report (overview order)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="109"/>
        <source>上一份报告（按概览顺序）</source>
        <translation>Previous report (overview order)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="116"/>
        <source>采纳问题为批注</source>
        <translation>Accept finding as note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="120"/>
        <source>驳回问题…</source>
        <translation>Dismiss finding…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="121"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1100"/>
        <source>解决批注</source>
        <translation>Resolve note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="122"/>
        <source>整改建议…</source>
        <translation>Recommendations…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="123"/>
        <source>合并冲突…</source>
        <translation>Merge conflicts…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="141"/>
        <source>欢迎页</source>
        <translation>Welcome page</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="154"/>
        <source>Ctrl+滚轮</source>
        <translation>Ctrl+Wheel</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="139"/>
        <source>使用手册</source>
        <translation>User&apos;s manual</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="140"/>
        <source>审核规则</source>
        <translation>Review rules</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="149"/>
        <source>复制选中文字</source>
        <extracomment>Keys the report view handles itself (listed in the help, not in a menu; a key named in words, like the wheel, is translated with the rest).</extracomment>
        <translation>Copy selected text</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="150"/>
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="151"/>
        <source>扩展选择</source>
        <translation>Extend the selection</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="152"/>
        <source>向下翻页</source>
        <translation>Page down</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="153"/>
        <source>到开头 / 到结尾</source>
        <translation>To the start / to the end</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="154"/>
        <source>缩放原文页面</source>
        <translation>Zoom the original page</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="34"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="127"/>
        <source>显示原文页面</source>
        <translation>Show original page</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="132"/>
        <source>放大页面</source>
        <translation>Zoom in on the page</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="133"/>
        <source>缩小页面</source>
        <translation>Zoom out of the page</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="134"/>
        <source>页面适合宽度</source>
        <translation>Fit the page to the width</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="135"/>
        <source>全屏</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="35"/>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="137"/>
        <source>审核人姓名…</source>
        <translation>Reviewer name…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="138"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="36"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="142"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1382"/>
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="143"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1391"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="281"/>
        <source>审核状态</source>
        <translation>Review state</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="285"/>
        <source> 审核状态：</source>
        <translation> Review state: </translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="291"/>
        <source>  结论：</source>
        <translation>  Conclusion: </translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="293"/>
        <source>（未定）</source>
        <translation>(undecided)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="481"/>
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="498"/>
        <source>界面语言将在重新启动后生效。</source>
        <translation>The interface language will change after a restart.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="504"/>
        <source>报告文件</source>
        <translation>Report files</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="117"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="504"/>
        <source>所有文件</source>
        <translation>All files</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="50"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="505"/>
        <source>打开报告</source>
        <translation>Open report</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="534"/>
        <source>审核数据库不可用，无法打开报告。</source>
        <translation>The review database is unavailable; cannot open the report.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="539"/>
        <source>正在读取 %1 …</source>
        <translation>Reading %1 …</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="671"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="789"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1030"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1032"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1253"/>
        <source>操作未完成</source>
        <translation>Action not completed</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="719"/>
        <source>已取消读取。</source>
        <translation>Reading cancelled.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="723"/>
        <source>读取失败：%1</source>
        <translation>Reading failed: %1</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="728"/>
        <source>无法打开报告</source>
        <translation>Cannot open report</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="816"/>
        <source>   完整性得分：%1</source>
        <translation>   Completeness score: %1</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="865"/>
        <source>未打开报告</source>
        <translation>No report open</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="482"/>
        <source>请输入您的姓名（记录在这个审核数据库的每条批注上）：
%1</source>
        <translation>Please enter your name (recorded on every note in this review database):
%1</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="527"/>
        <source>无法保存粘贴的报告：%1</source>
        <translation>Could not save the pasted report: %1</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="595"/>
        <source>正在检查 %1 …</source>
        <translation>Checking %1 …</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="682"/>
        <source>这份报告套用了政府信息公开工作年度报告的格式，不是高校年度报告的格式。高校应按《高等学校信息公开办法》和教育部通知编写：按学年统计，设评议部分，附清单事项公开情况表。按高校规则检查的结果请对照原文判断。</source>
        <translation>This report follows the format of a government information-disclosure annual report, not that of a university&apos;s annual report. Universities should write it under the Measures for Information Disclosure of Higher Education Institutions and the Ministry of Education&apos;s notice: counted by academic year, with an evaluation part and the table of the disclosure list items. Judge the results of the university rules against the original text.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="695"/>
        <source>审核数据库中有 %1 条记录无法读取，已跳过（其余内容不受影响）：</source>
        <translation>%1 records in the review database could not be read and were skipped (the rest is unaffected):</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="706"/>
        <source>%1 条批注在这个版本中未能定位（原文已改动），已列入批注列表并标为“未定位”。</source>
        <translation>%1 notes could not be placed in this version (the text has changed); they are listed in the notes panel as “orphaned”.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="708"/>
        <source>查看这些批注</source>
        <translation>Show these notes</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="871"/>
        <source>共 %1 页</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="873"/>
        <source>文件未记录分页</source>
        <translation>file records no pages</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="876"/>
        <source>%1 · %2 · %3 · %4</source>
        <translation>%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="885"/>
        <source>待处理批注 %1 · 未确认问题 %2</source>
        <translation>Open notes %1 · Undecided findings %2</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="908"/>
        <source>报告中没有找到“%1”部分。</source>
        <translation>Part “%1” was not found in the report.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="925"/>
        <source>报告中没有找到该字段的依据。</source>
        <translation>No source for this field was found in the report.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1003"/>
        <source>%1 处</source>
        <translation>%1 hits</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1050"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1067"/>
        <source>添加批注</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1059"/>
        <source>整篇或某部分的批注</source>
        <translation>Note on whole report or part</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1075"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1081"/>
        <source>修改批注</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1087"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1091"/>
        <source>回复批注</source>
        <translation>Reply to note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1087"/>
        <source>回复内容：</source>
        <translation>Reply:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1100"/>
        <source>重新打开批注</source>
        <translation>Reopen note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1109"/>
        <source>请先在正文中选中这条批注应当对应的文字。</source>
        <translation>First select the text in the report that this note belongs to.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1113"/>
        <source>重新定位批注</source>
        <translation>Re-anchor note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1121"/>
        <source>删除批注</source>
        <translation>Delete note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1128"/>
        <source>修改字段</source>
        <translation>Edit field</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1135"/>
        <source>该问题已处理；可先“撤销处理”。</source>
        <translation>This finding has already been decided; use “Undo decision” first.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1139"/>
        <source>采纳问题</source>
        <translation>Accept finding</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1146"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1150"/>
        <source>驳回问题</source>
        <translation>Dismiss finding</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1146"/>
        <source>驳回理由（必填）：</source>
        <translation>Reason for dismissal (required):</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1159"/>
        <source>撤销处理</source>
        <translation>Undo decision</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1166"/>
        <source>修改审核状态</source>
        <translation>Change review state</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1172"/>
        <source>整改建议</source>
        <translation>Recommendations</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1172"/>
        <source>写入审核意见的整改建议：</source>
        <translation>Recommendations for the review memo:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1212"/>
        <source>请先在“全省概览”中添加报告。</source>
        <translation>Add reports in the “Province overview” first.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1219"/>
        <source>已经是最后一份了。</source>
        <translation>This is already the last report.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1219"/>
        <source>已经是第一份了。</source>
        <translation>This is already the first report.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1336"/>
        <source>找不到示例报告：%1</source>
        <translation>The sample report is missing: %1</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1398"/>
        <source>本软件以 MIT 许可发布。第三方组件（Qt/PySide6：LGPL-3.0；PDFium：BSD-3-Clause；RapidOCR 与 PaddleOCR 模型：Apache-2.0；onnxruntime：MIT 等）的许可说明见“显示详细信息”。</source>
        <translation>This software is released under the MIT License. The third-party components (Qt/PySide6: LGPL-3.0; PDFium: BSD-3-Clause; RapidOCR and the PaddleOCR models: Apache-2.0; onnxruntime: MIT, and others) and their licences are listed under “Show Details”.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="83"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/actions.py" line="90"/>
        <source>对选中文字添加批注</source>
        <translation>Add note to selected text</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="1393"/>
        <source>高校信息公开年报审核 %1
离线运行，不联网。
审核数据：%2</source>
        <translation>University Disclosure Report Review %1
Runs offline; never connects to the network.
Review data: %2</translation>
    </message>
</context>
<context>
    <name>Manual</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/manual.py" line="56"/>
        <source>快捷键</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/manual.py" line="57"/>
        <source>作用</source>
        <translation>What they do</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/manual.py" line="58"/>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/manual.py" line="59"/>
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/manual.py" line="60"/>
        <source>菜单</source>
        <translation>Menu</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/manual.py" line="61"/>
        <source>菜单项</source>
        <translation>Items</translation>
    </message>
</context>
<context>
    <name>ManualWindow</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/manual.py" line="169"/>
        <location filename="../../xxgk_desk/gui/views/manual.py" line="327"/>
        <source>使用手册</source>
        <translation>User&apos;s manual</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/manual.py" line="178"/>
        <source>在手册中查找…</source>
        <translation>Find in the manual…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/manual.py" line="183"/>
        <source>上一个</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/manual.py" line="184"/>
        <source>下一个</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/manual.py" line="189"/>
        <source>查找：</source>
        <translation>Find:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/manual.py" line="219"/>
        <source>找不到使用手册文件：%1</source>
        <translation>The manual file is missing: %1</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/manual.py" line="352"/>
        <source>没有找到</source>
        <translation>Not found</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/dialogs.py" line="37"/>
        <source>添加批注</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/dialogs.py" line="46"/>
        <source>原文：</source>
        <translation>Text:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/dialogs.py" line="55"/>
        <source>类别：</source>
        <translation>Category:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/dialogs.py" line="56"/>
        <source>级别：</source>
        <translation>Severity:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/dialogs.py" line="60"/>
        <source>整篇报告</source>
        <translation>Whole report</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/dialogs.py" line="64"/>
        <source>针对：</source>
        <translation>Applies to:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/dialogs.py" line="66"/>
        <source>审核意见，如：未说明不予公开的理由</source>
        <translation>Your comment, e.g. no reason given for withholding information</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/dialogs.py" line="68"/>
        <source>意见：</source>
        <translation>Comment:</translation>
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="194"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="199"/>
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="204"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="206"/>
        <source>内容</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="207"/>
        <source>原文</source>
        <translation>Quote</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="207"/>
        <source>（整篇/整个部分）</source>
        <translation>(whole report/part)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="209"/>
        <source>页</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="213"/>
        <source>回复</source>
        <translation>Replies</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="214"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="215"/>
        <source>定位</source>
        <translation>Anchor</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="221"/>
        <source>近似</source>
        <translation>Fuzzy</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="221"/>
        <source>未定位</source>
        <translation>Orphaned</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="239"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="242"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="245"/>
        <source>全部级别</source>
        <translation>All severities</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="248"/>
        <source>全部部分</source>
        <translation>All parts</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="251"/>
        <source>按位置</source>
        <translation>By position</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="252"/>
        <source>按时间</source>
        <translation>By time</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="263"/>
        <source>筛选批注文字…</source>
        <translation>Filter note text…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="265"/>
        <source>只看未定位的批注</source>
        <translation>Only orphaned notes</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="271"/>
        <source>回复…</source>
        <translation>Reply…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="272"/>
        <source>解决 (R)</source>
        <translation>Resolve (R)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="273"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="274"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="275"/>
        <source>整篇/部分批注…</source>
        <translation>Report/part note…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="276"/>
        <source>定位到选中文字</source>
        <translation>Anchor to selection</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="337"/>
        <source>原文已改动，未能在当前版本中找到这段文字。</source>
        <translation>The text has changed; this passage was not found in the current version.</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <location filename="../../xxgk_desk/gui/models/outline_model.py" line="62"/>
        <location filename="../../xxgk_desk/gui/models/outline_model.py" line="70"/>
        <source>目录</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/outline_model.py" line="32"/>
        <source>第 %1 页</source>
        <translation>Page %1</translation>
    </message>
</context>
<context>
    <name>OverviewColumns</name>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="28"/>
        <source>学校</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="28"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="29"/>
        <source>统计期限</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="29"/>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="30"/>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="30"/>
        <source>政府格式</source>
        <translation>Government format</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="31"/>
        <source>概述</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="31"/>
        <source>主动公开</source>
        <translation>Proactive</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="32"/>
        <source>依申请公开</source>
        <translation>On request</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="32"/>
        <source>评议</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="33"/>
        <source>举报复议诉讼</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="33"/>
        <source>新做法</source>
        <translation>Practices</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="34"/>
        <source>问题与改进</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="34"/>
        <source>其他事项</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="35"/>
        <source>清单表</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="35"/>
        <source>严重</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="36"/>
        <source>警告</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="36"/>
        <source>提示</source>
        <translation>Info</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="37"/>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="37"/>
        <source>审核状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="38"/>
        <source>审核结论</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="38"/>
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="39"/>
        <source>最后修改</source>
        <translation>Last change</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="39"/>
        <source>批注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="40"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="40"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>OverviewWindow</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="124"/>
        <source>全省概览 — 批量审核</source>
        <translation>Province overview — batch review</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="155"/>
        <source>绿色：有&#x3000;黄色：部分（合并或部分清单事项）&#x3000;红色：缺。首行为“缺/部分”的报告份数。</source>
        <translation>Green: present   Yellow: partial (merged, or some checklist items)   Red: missing. The first row counts reports “missing/partial”.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="166"/>
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="167"/>
        <source>覆盖情况</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="168"/>
        <source>年度对比</source>
        <translation>Year over year</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="172"/>
        <source>图表</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="180"/>
        <source>工作区</source>
        <translation>Workspace</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="183"/>
        <source>添加文件夹…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="184"/>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="185"/>
        <source>导出汇总…</source>
        <translation>Export summary…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="186"/>
        <source>导出通报…</source>
        <translation>Export circular (通报)…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="187"/>
        <source>导出全部审核意见…</source>
        <translation>Export all review letters…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="188"/>
        <source>合并审核记录…</source>
        <translation>Merge review records…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="196"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="210"/>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="215"/>
        <source>缺少任一部分</source>
        <translation>Missing any part</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="217"/>
        <source>缺：</source>
        <translation>Missing: </translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="219"/>
        <source>按学校、文件名筛选…</source>
        <translation>Filter by university or file name…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="223"/>
        <source>筛选：</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="230"/>
        <source>全部问题</source>
        <translation>All findings</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="271"/>
        <source>共 %1 份报告，显示 %2 份；已完成 %3 份；无法读取 %4 份</source>
        <translation>%1 reports, %2 shown; %3 done; %4 unreadable</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="289"/>
        <source>（缺 %1 份）</source>
        <translation> (missing in %1)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="291"/>
        <source>最常缺少：</source>
        <translation>Most often missing: </translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="291"/>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="323"/>
        <source>%1 %2：名单内 %3 所，收到 %4 所，未报送 %5 所</source>
        <translation>%1 %2: %3 institutions on the list, %4 received, %5 missing</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="332"/>
        <source>；另有 %1 份报告属于其他省份或学年，未计入</source>
        <translation>; %1 more reports of other provinces or years are not counted</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="334"/>
        <source>未能确定省份：请在“省份”中选择。</source>
        <translation>No province could be determined: choose one under Province.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="343"/>
        <source>无法生成图表：</source>
        <translation>Cannot draw the charts: </translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="348"/>
        <source>选择报告所在文件夹</source>
        <translation>Choose the folder with the reports</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="354"/>
        <source>选择报告</source>
        <translation>Choose reports</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="354"/>
        <source>报告文件</source>
        <translation>Report files</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="387"/>
        <source>添加报告失败</source>
        <translation>Adding reports failed</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="395"/>
        <source>导出汇总</source>
        <translation>Export summary</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="405"/>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="441"/>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="479"/>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="407"/>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="443"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="423"/>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="429"/>
        <source>导出通报</source>
        <translation>Export circular</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="423"/>
        <source>通报的省份：</source>
        <translation>Province of the circular:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="455"/>
        <source>选择保存审核意见的文件夹</source>
        <translation>Choose the folder for the review letters</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="482"/>
        <source>选择审核记录文件</source>
        <translation>Choose review record files</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="490"/>
        <source>合并失败</source>
        <translation>Merge failed</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="498"/>
        <source>合并完成</source>
        <translation>Merge complete</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="499"/>
        <source>已合并 %1 个文件；冲突 %2 项（在审核窗口“审核 → 合并冲突”中处理）。</source>
        <translation>Merged %1 files; %2 conflicts (resolve them in the review window under “Review → Merge conflicts”).</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="517"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="519"/>
        <source>改用本报告的另一个文件</source>
        <translation>Use another file of this report</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="524"/>
        <source>恢复自动选择（PDF 优先，其次最新）</source>
        <translation>Back to the automatic choice (PDF first, then the newest)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="533"/>
        <source>无法切换文件</source>
        <translation>Cannot switch the file</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/page_view.py" line="51"/>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/page_view.py" line="52"/>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/page_view.py" line="57"/>
        <location filename="../../xxgk_desk/gui/views/page_view.py" line="93"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/page_view.py" line="58"/>
        <source>缩小（Ctrl+-）</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/page_view.py" line="58"/>
        <source>放大（Ctrl+=）</source>
        <translation>Zoom in (Ctrl+=)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/page_view.py" line="61"/>
        <source>页面适合宽度（Ctrl+0）</source>
        <translation>Fit page width (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/page_view.py" line="102"/>
        <source>原文页面只适用于 PDF 文件</source>
        <translation>The original page is available for PDF files only</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/page_view.py" line="106"/>
        <source>无法显示 PDF 页面</source>
        <translation>Cannot display the PDF page</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/page_view.py" line="124"/>
        <source>第 %1 / %2 页</source>
        <translation>Page %1 / %2</translation>
    </message>
</context>
<context>
    <name>PartsModel</name>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="306"/>
        <source>标准部分</source>
        <translation>Standard parts</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/text_view.py" line="115"/>
        <source>打开一份报告（Ctrl+O），或把文件拖到窗口中。</source>
        <translation>Open a report (Ctrl+O), or drop a file onto the window.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/text_view.py" line="619"/>
        <source>添加批注…</source>
        <translation>Add note…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/text_view.py" line="624"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/text_view.py" line="628"/>
        <source>全选</source>
        <translation>Select All</translation>
    </message>
</context>
<context>
    <name>RuleHelp</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/rule_help.py" line="17"/>
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/rule_help.py" line="18"/>
        <source>为什么重要</source>
        <translation>Why it matters</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/rule_help.py" line="19"/>
        <source>应当怎么做</source>
        <translation>What to do</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/rule_help.py" line="20"/>
        <source>示例</source>
        <translation>Example</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/rule_help.py" line="21"/>
        <source>检出</source>
        <translation>Detects</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/rule_help.py" line="22"/>
        <source>没有符合的规则。</source>
        <translation>No rule matches.</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/rule_help.py" line="72"/>
        <source>审核规则</source>
        <translation>Review rules</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/rule_help.py" line="75"/>
        <source>筛选规则（标题、依据、说明中的文字）</source>
        <translation>Filter the rules (title, basis, explanation)</translation>
    </message>
</context>
<context>
    <name>UnitSettingsDialog</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/unit_settings.py" line="29"/>
        <source>审核单位设置</source>
        <translation>Reviewing office settings</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/unit_settings.py" line="34"/>
        <source>如：湖北省教育厅办公室（审核意见和通报的落款）</source>
        <translation>e.g. 湖北省教育厅办公室 (signature of letters and circulars)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/unit_settings.py" line="36"/>
        <source>红头文字，不填则不加发文机关标志</source>
        <translation>Letterhead text; leave empty for no letterhead</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/unit_settings.py" line="38"/>
        <source>如：鄂教办函〔{year}〕{no}号；不填则不写发文字号</source>
        <translation>e.g. 鄂教办函〔{year}〕{no}号; leave empty for no document number</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/unit_settings.py" line="44"/>
        <source> 个工作日</source>
        <translation> working days</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/unit_settings.py" line="48"/>
        <source>发文机关：</source>
        <translation>Issuing office:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/unit_settings.py" line="49"/>
        <source>发文机关标志：</source>
        <translation>Letterhead:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/unit_settings.py" line="50"/>
        <source>发文字号格式：</source>
        <translation>Document number format:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/unit_settings.py" line="51"/>
        <source>联系人：</source>
        <translation>Contact person:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/unit_settings.py" line="52"/>
        <source>联系电话：</source>
        <translation>Contact phone:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/unit_settings.py" line="53"/>
        <source>整改期限：</source>
        <translation>Deadline for corrections:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/unit_settings.py" line="54"/>
        <source>结束语：</source>
        <translation>Closing words:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/unit_settings.py" line="57"/>
        <source>这些设置保存在当前审核数据库中。发文字号中 {year} 填入年份，{no} 填入序号（导出时不给序号则留空待填）。审核意见和通报的其他固定措辞在 resources/rules/wording.yaml 中修改。</source>
        <translation>These settings are stored in the current review database. In the document number, {year} becomes the year and {no} the serial number (left blank to fill in when none is given at export). The other fixed wording of letters and circulars is edited in resources/rules/wording.yaml.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/unit_settings.py" line="88"/>
        <source>设置有误</source>
        <translation>Invalid settings</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/unit_settings.py" line="91"/>
        <source>无法保存设置</source>
        <translation>Cannot save the settings</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/welcome.py" line="51"/>
        <source>欢迎使用高校信息公开年报审核</source>
        <translation>Welcome to Disclosure Report Review</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/welcome.py" line="59"/>
        <source>逐份阅读、检查高校信息公开工作年度报告，批注问题，导出审核意见。
全部数据保存在本机，不联网。</source>
        <translation>Read and check universities&apos; annual information-disclosure reports one by one, note the problems, export the review letter.
Everything stays on this computer; nothing goes online.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/welcome.py" line="70"/>
        <source>打开示例报告</source>
        <translation>Open the sample report</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/welcome.py" line="71"/>
        <source>一份虚构学校的报告，先看看检查结果和审核意见。</source>
        <translation>A fictional school&apos;s report: see what the checks and the letter look like.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/welcome.py" line="76"/>
        <source>打开报告文件夹…</source>
        <translation>Open a folder of reports…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/welcome.py" line="77"/>
        <source>选择各校报告所在的文件夹，在“全省概览”中批量审核。</source>
        <translation>Choose the folder with the schools&apos; reports and review them in the province overview.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/welcome.py" line="82"/>
        <source>填写审核人和审核单位…</source>
        <translation>Your name and office…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/welcome.py" line="83"/>
        <source>审核人姓名记在批注上；发文机关等写入审核意见。</source>
        <translation>Your name signs the notes; the issuing office and contact go into the letter.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/welcome.py" line="88"/>
        <source>使用手册（F1）</source>
        <translation>Manual (F1)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/welcome.py" line="89"/>
        <source>从打开报告到发出审核意见，每一步怎么做。</source>
        <translation>Every step from opening a report to sending the letter.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/welcome.py" line="94"/>
        <source>打开一份报告：按 Ctrl+O，或把文件拖到窗口中。以后可从“帮助 → 欢迎页”回到这里。</source>
        <translation>To open one report, press Ctrl+O or drop the file on the window. Help → Welcome page brings you back here.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/welcome.py" line="98"/>
        <source>返回报告</source>
        <translation>Back to the report</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/welcome.py" line="140"/>
        <source>本版本尚未附带使用手册。</source>
        <translation>This version comes without a manual yet.</translation>
    </message>
</context>
</TS>
