<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>App</name>
    <message>
        <location filename="../../xxgk_desk/gui/app.py" line="61"/>
        <source>高校信息公开年报审核</source>
        <translation>Disclosure Report Review</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="267"/>
        <source>已覆盖</source>
        <translation>Covered</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="268"/>
        <source>未找到</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="269"/>
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="273"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="274"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="275"/>
        <source>公开事项</source>
        <translation>Disclosure item</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="277"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="333"/>
        <source>已覆盖 %1 项，不适用 %2 项，未找到 %3 项</source>
        <translation>%1 covered, %2 not applicable, %3 not found</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="418"/>
        <source>工作区中没有同一学校不同年度的两份报告。</source>
        <translation>The workspace has no two reports of the same university from different years.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="428"/>
        <source>无法比较这两份报告（文件未读取）。</source>
        <translation>Cannot compare these two reports (files not read).</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="432"/>
        <source>&#x3000;⚠ 与上年几乎相同</source>
        <translation>  ⚠ almost identical to last year</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="441"/>
        <source>问题 %1 条。数据与上年完全相同：%2</source>
        <translation>%1 findings. Figures identical to last year: %2</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="443"/>
        <source>无</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/exchange.py" line="79"/>
        <source>合并冲突</source>
        <translation>Merge conflicts</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/exchange.py" line="84"/>
        <source>保留本机版本</source>
        <translation>Keep local version</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/exchange.py" line="85"/>
        <source>采用导入版本</source>
        <translation>Use imported version</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/exchange.py" line="86"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/exchange.py" line="96"/>
        <source>两人都修改过的内容：</source>
        <translation>Changed by both reviewers:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/exchange.py" line="111"/>
        <source>没有待处理的冲突。</source>
        <translation>No conflicts to resolve.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/exchange.py" line="129"/>
        <source>操作未完成</source>
        <translation>Action not completed</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="70"/>
        <source>缺失合计</source>
        <translation>Total missing</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="82"/>
        <source>缺 %1 份，部分 %2 份，有 %3 份</source>
        <translation>Missing in %1, partial in %2, present in %3 reports</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="98"/>
        <source>未读取</source>
        <translation>Not read</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="30"/>
        <source>导出审核意见</source>
        <translation>Export review memo</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="32"/>
        <source>只含未解决的批注</source>
        <translation>Unresolved notes only</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="33"/>
        <source>引文带上下文</source>
        <translation>Quotes with context</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="34"/>
        <source>包括已驳回的自动检查结果</source>
        <translation>Add dismissed findings</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="35"/>
        <source>包括尚未处理的自动检查结果</source>
        <translation>Add open findings</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="37"/>
        <source>附清单覆盖情况表</source>
        <translation>Add checklist table</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="52"/>
        <source>纯文本 (.txt)</source>
        <translation>Plain text (.txt)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="54"/>
        <source>导出审核意见…</source>
        <translation>Export review memo…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="57"/>
        <source>批注表 XLSX…</source>
        <translation>Notes table XLSX…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="58"/>
        <source>批注表 CSV…</source>
        <translation>Notes table CSV…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="59"/>
        <source>W3C 批注 JSON…</source>
        <translation>W3C annotations JSON…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="63"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="76"/>
        <source>格式：</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="84"/>
        <source>预览（导出的内容）：</source>
        <translation>Preview (what will be exported):</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="117"/>
        <source>保存审核意见</source>
        <translation>Save review memo</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="129"/>
        <source>保存批注表</source>
        <translation>Save notes table</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="141"/>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="141"/>
        <source>已保存到：%1</source>
        <translation>Saved to: %1</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/export_dialog.py" line="145"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>FieldsModel</name>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="45"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="46"/>
        <source>提取值</source>
        <translation>Extracted</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="47"/>
        <source>审核值</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="48"/>
        <source>已核对</source>
        <translation>Checked</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="49"/>
        <source>页</source>
        <translation>Page</translation>
    </message>
</context>
<context>
    <name>FieldsPanel</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="106"/>
        <source>双击“审核值”可修改；勾选“已核对”表示已对照原文确认。点击一行跳到原文依据。</source>
        <translation>Double-click “Reviewed” to edit; tick “Checked” once confirmed against the original. Click a row to jump to its source.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="351"/>
        <source>查找…</source>
        <translation>Find…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="356"/>
        <source>上一个</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="357"/>
        <source>下一个</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="358"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="364"/>
        <source>查找：</source>
        <translation>Find:</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="112"/>
        <source>未处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="112"/>
        <source>已采纳</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="112"/>
        <source>已驳回</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="115"/>
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="125"/>
        <source>问题</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="129"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="131"/>
        <source>页</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="137"/>
        <source>处理</source>
        <translation>Decision</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="134"/>
        <source>采纳为批注 (A)</source>
        <translation>Accept as note (A)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="135"/>
        <source>驳回… (D)</source>
        <translation>Dismiss… (D)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="136"/>
        <source>撤销处理</source>
        <translation>Undo decision</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="176"/>
        <source>驳回理由：</source>
        <translation>Reason for dismissal: </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="92"/>
        <source>无法打开审核数据库</source>
        <translation>Cannot open the review database</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="95"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="620"/>
        <source>高校信息公开年报审核</source>
        <translation>University Disclosure Report Review</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="116"/>
        <source>目录</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="124"/>
        <source>问题</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="125"/>
        <source>字段</source>
        <translation>Fields</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="126"/>
        <source>批注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="127"/>
        <source>清单</source>
        <translation>Checklist (清单)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="129"/>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="140"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="197"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="198"/>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="199"/>
        <source>全省概览（批量审核）…</source>
        <translation>Province overview (batch review)…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="200"/>
        <source>最近打开</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="201"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="979"/>
        <source>关闭报告</source>
        <translation>Close report</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="203"/>
        <source>导出审核意见…</source>
        <translation>Export review memo…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="205"/>
        <source>导出审核记录（交换文件）…</source>
        <translation>Export review records (exchange file)…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="206"/>
        <source>导入审核记录（合并）…</source>
        <translation>Import review records (merge)…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="208"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="210"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="211"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="213"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="220"/>
        <source>查找…</source>
        <translation>Find…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="221"/>
        <source>添加批注…</source>
        <translation>Add note…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="222"/>
        <source>整篇或某部分的批注…</source>
        <translation>Note on whole report or part…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="224"/>
        <source>审核(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="225"/>
        <source>下一个问题</source>
        <translation>Next finding</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="226"/>
        <source>上一个问题</source>
        <translation>Previous finding</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="227"/>
        <source>下一条批注</source>
        <translation>Next note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="228"/>
        <source>上一条批注</source>
        <translation>Previous note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="230"/>
        <source>下一份报告（按概览顺序）</source>
        <translation>Next report (overview order)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="233"/>
        <source>上一份报告（按概览顺序）</source>
        <translation>Previous report (overview order)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="236"/>
        <source>采纳问题为批注</source>
        <translation>Accept finding as note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="237"/>
        <source>驳回问题…</source>
        <translation>Dismiss finding…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="238"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="839"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="983"/>
        <source>解决批注</source>
        <translation>Resolve note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="240"/>
        <source>整改建议…</source>
        <translation>Recommendations…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="241"/>
        <source>合并冲突…</source>
        <translation>Merge conflicts…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="243"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="245"/>
        <source>显示原文页面</source>
        <translation>Show original page</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="247"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="984"/>
        <source>全屏</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="251"/>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="252"/>
        <source>审核人姓名…</source>
        <translation>Reviewer name…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="253"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="263"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="264"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="986"/>
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="265"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="994"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="268"/>
        <source>审核状态</source>
        <translation>Review state</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="272"/>
        <source> 审核状态：</source>
        <translation> Review state: </translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="278"/>
        <source>  结论：</source>
        <translation>  Conclusion: </translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="280"/>
        <source>（未定）</source>
        <translation>(undecided)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="357"/>
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="357"/>
        <source>请输入您的姓名（将记录在每条批注上）：</source>
        <translation>Your name (recorded on every note):</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="372"/>
        <source>界面语言将在重新启动后生效。</source>
        <translation>The interface language will change after a restart.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="379"/>
        <source>报告文件</source>
        <translation>Report files</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="379"/>
        <source>所有文件</source>
        <translation>All files</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="381"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="979"/>
        <source>打开报告</source>
        <translation>Open report</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="388"/>
        <source>审核数据库不可用，无法打开报告。</source>
        <translation>The review database is unavailable; cannot open the report.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="396"/>
        <source>正在读取 %1 …</source>
        <translation>Reading %1 …</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="480"/>
        <source>扫描件</source>
        <translation>Scanned document</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="480"/>
        <source>部分页面没有文字层。</source>
        <translation>Some pages have no text layer.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="484"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="554"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="769"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="771"/>
        <source>操作未完成</source>
        <translation>Action not completed</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="487"/>
        <source>%1 条批注在新版本中未能定位，已列入批注列表（标为“未定位”）。</source>
        <translation>%1 notes could not be located in the new version; they are in the notes list, marked “Orphaned”.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="496"/>
        <source>已取消读取。</source>
        <translation>Reading cancelled.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="500"/>
        <source>读取失败：%1</source>
        <translation>Reading failed: %1</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="505"/>
        <source>无法打开报告</source>
        <translation>Cannot open report</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="581"/>
        <source>   完整性得分：%1</source>
        <translation>   Completeness score: %1</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="629"/>
        <source>未打开报告</source>
        <translation>No report open</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="635"/>
        <source>%1 · %2 · 共 %3 页 · %4</source>
        <translation>%1 · %2 · %3 pages · %4</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="644"/>
        <source>待处理批注 %1 · 未确认问题 %2</source>
        <translation>Open notes %1 · Undecided findings %2</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="664"/>
        <source>报告中没有找到“%1”部分。</source>
        <translation>Part “%1” was not found in the report.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="680"/>
        <source>报告中没有找到该字段的依据。</source>
        <translation>No source for this field was found in the report.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="742"/>
        <source>%1 处</source>
        <translation>%1 hits</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="789"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="806"/>
        <source>添加批注</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="798"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="981"/>
        <source>整篇或某部分的批注</source>
        <translation>Note on whole report or part</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="814"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="820"/>
        <source>修改批注</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="826"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="830"/>
        <source>回复批注</source>
        <translation>Reply to note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="826"/>
        <source>回复内容：</source>
        <translation>Reply:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="839"/>
        <source>重新打开批注</source>
        <translation>Reopen note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="848"/>
        <source>请先在正文中选中这条批注应当对应的文字。</source>
        <translation>First select the text in the report that this note belongs to.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="852"/>
        <source>重新定位批注</source>
        <translation>Re-anchor note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="860"/>
        <source>删除批注</source>
        <translation>Delete note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="867"/>
        <source>修改字段</source>
        <translation>Edit field</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="874"/>
        <source>该问题已处理；可先“撤销处理”。</source>
        <translation>This finding has already been decided; use “Undo decision” first.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="878"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="982"/>
        <source>采纳问题</source>
        <translation>Accept finding</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="885"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="889"/>
        <location filename="../../xxgk_desk/gui/main_window.py" line="983"/>
        <source>驳回问题</source>
        <translation>Dismiss finding</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="885"/>
        <source>驳回理由（必填）：</source>
        <translation>Reason for dismissal (required):</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="898"/>
        <source>撤销处理</source>
        <translation>Undo decision</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="905"/>
        <source>修改审核状态</source>
        <translation>Change review state</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="911"/>
        <source>整改建议</source>
        <translation>Recommendations</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="911"/>
        <source>写入审核意见的整改建议：</source>
        <translation>Recommendations for the review memo:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="943"/>
        <source>请先在“全省概览”中添加报告。</source>
        <translation>Add reports in the “Province overview” first.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="950"/>
        <source>已经是最后一份了。</source>
        <translation>This is already the last report.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="950"/>
        <source>已经是第一份了。</source>
        <translation>This is already the first report.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="979"/>
        <source>导出审核意见</source>
        <translation>Export review memo</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="980"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="980"/>
        <source>对选中文字添加批注</source>
        <translation>Add note to selected text</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="981"/>
        <source>下一个 / 上一个问题</source>
        <translation>Next / previous finding</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="982"/>
        <source>下一条 / 上一条批注</source>
        <translation>Next / previous note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="984"/>
        <source>撤销 / 重做</source>
        <translation>Undo / redo</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="984"/>
        <source>原文页面</source>
        <translation>Original page</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/main_window.py" line="995"/>
        <source>高校信息公开年报审核 %1
离线运行，不联网。
审核数据：%2</source>
        <translation>University Disclosure Report Review %1
Runs offline; never connects to the network.
Review data: %2</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/dialogs.py" line="36"/>
        <source>添加批注</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/dialogs.py" line="45"/>
        <source>原文：</source>
        <translation>Text:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/dialogs.py" line="54"/>
        <source>类别：</source>
        <translation>Category:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/dialogs.py" line="55"/>
        <source>级别：</source>
        <translation>Severity:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/dialogs.py" line="59"/>
        <source>整篇报告</source>
        <translation>Whole report</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/dialogs.py" line="63"/>
        <source>针对：</source>
        <translation>Applies to:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/dialogs.py" line="65"/>
        <source>审核意见，如：未说明不予公开的理由</source>
        <translation>Your comment, e.g. no reason given for withholding information</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/dialogs.py" line="67"/>
        <source>意见：</source>
        <translation>Comment:</translation>
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="180"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="185"/>
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="189"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="190"/>
        <source>内容</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="191"/>
        <source>原文</source>
        <translation>Quote</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="191"/>
        <source>（整篇/整个部分）</source>
        <translation>(whole report/part)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="193"/>
        <source>页</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="197"/>
        <source>回复</source>
        <translation>Replies</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="198"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="199"/>
        <source>定位</source>
        <translation>Anchor</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="205"/>
        <source>近似</source>
        <translation>Fuzzy</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="205"/>
        <source>未定位</source>
        <translation>Orphaned</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="211"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="214"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="217"/>
        <source>全部级别</source>
        <translation>All severities</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="219"/>
        <source>全部部分</source>
        <translation>All parts</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="221"/>
        <source>按位置</source>
        <translation>By position</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="222"/>
        <source>按时间</source>
        <translation>By time</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="233"/>
        <source>筛选批注文字…</source>
        <translation>Filter note text…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="235"/>
        <source>只看未定位的批注</source>
        <translation>Only orphaned notes</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="241"/>
        <source>回复…</source>
        <translation>Reply…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="242"/>
        <source>解决 (R)</source>
        <translation>Resolve (R)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="243"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="244"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="245"/>
        <source>整篇/部分批注…</source>
        <translation>Report/part note…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="246"/>
        <source>定位到选中文字</source>
        <translation>Anchor to selection</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/panels.py" line="303"/>
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
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="26"/>
        <source>有</source>
        <translation>present</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="27"/>
        <source>合并</source>
        <translation>merged</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="28"/>
        <source>缺</source>
        <translation>missing</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="32"/>
        <source>学校</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="32"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="33"/>
        <source>统计期限</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="33"/>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="34"/>
        <source>概述</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="34"/>
        <source>主动公开</source>
        <translation>Proactive</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="35"/>
        <source>依申请公开</source>
        <translation>On request</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="35"/>
        <source>评议</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="36"/>
        <source>举报复议诉讼</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="36"/>
        <source>新做法</source>
        <translation>Practices</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="37"/>
        <source>问题与改进</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="37"/>
        <source>其他事项</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="38"/>
        <source>清单表</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="38"/>
        <source>严重</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="39"/>
        <source>警告</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="39"/>
        <source>提示</source>
        <translation>Info</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="40"/>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="40"/>
        <source>审核状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="41"/>
        <source>审核结论</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="41"/>
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="42"/>
        <source>最后修改</source>
        <translation>Last change</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="42"/>
        <source>批注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="43"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/overview_model.py" line="43"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>OverviewWindow</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="116"/>
        <source>全省概览 — 批量审核</source>
        <translation>Province overview — batch review</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="145"/>
        <source>绿色：有&#x3000;黄色：部分（合并或部分清单事项）&#x3000;红色：缺。首行为“缺/部分”的报告份数。</source>
        <translation>Green: present   Yellow: partial (merged, or some checklist items)   Red: missing. The first row counts reports “missing/partial”.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="156"/>
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="157"/>
        <source>覆盖情况</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="158"/>
        <source>年度对比</source>
        <translation>Year over year</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="166"/>
        <source>工作区</source>
        <translation>Workspace</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="169"/>
        <source>添加文件夹…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="170"/>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="171"/>
        <source>导出汇总…</source>
        <translation>Export summary…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="172"/>
        <source>合并审核记录…</source>
        <translation>Merge review records…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="180"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="194"/>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="199"/>
        <source>缺少任一部分</source>
        <translation>Missing any part</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="201"/>
        <source>缺：</source>
        <translation>Missing: </translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="203"/>
        <source>按学校、文件名筛选…</source>
        <translation>Filter by university or file name…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="207"/>
        <source>筛选：</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="214"/>
        <source>全部问题</source>
        <translation>All findings</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="253"/>
        <source>共 %1 份报告，显示 %2 份；已完成 %3 份；无法读取 %4 份</source>
        <translation>%1 reports, %2 shown; %3 done; %4 unreadable</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="269"/>
        <source>（缺 %1 份）</source>
        <translation> (missing in %1)</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="271"/>
        <source>最常缺少：</source>
        <translation>Most often missing: </translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="271"/>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="275"/>
        <source>选择报告所在文件夹</source>
        <translation>Choose the folder with the reports</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="281"/>
        <source>选择报告</source>
        <translation>Choose reports</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="281"/>
        <source>报告文件</source>
        <translation>Report files</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="314"/>
        <source>添加报告失败</source>
        <translation>Adding reports failed</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="322"/>
        <source>导出汇总</source>
        <translation>Export summary</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="330"/>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="332"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="337"/>
        <source>选择审核记录文件</source>
        <translation>Choose review record files</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="343"/>
        <source>合并失败</source>
        <translation>Merge failed</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="348"/>
        <source>合并完成</source>
        <translation>Merge complete</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/overview.py" line="349"/>
        <source>已合并 %1 个文件；冲突 %2 项（在审核窗口“审核 → 合并冲突”中处理）。</source>
        <translation>Merged %1 files; %2 conflicts (resolve them in the review window under “Review → Merge conflicts”).</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/page_view.py" line="27"/>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/page_view.py" line="28"/>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/page_view.py" line="46"/>
        <source>原文页面只适用于 PDF 文件</source>
        <translation>The original page is available for PDF files only</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/page_view.py" line="50"/>
        <source>无法显示 PDF 页面</source>
        <translation>Cannot display the PDF page</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/page_view.py" line="68"/>
        <source>第 %1 / %2 页</source>
        <translation>Page %1 / %2</translation>
    </message>
</context>
<context>
    <name>PartsModel</name>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="288"/>
        <source>有</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="288"/>
        <source>合并</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="288"/>
        <source>缺</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/models/panels.py" line="292"/>
        <source>标准部分</source>
        <translation>Standard parts</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../xxgk_desk/gui/views/text_view.py" line="230"/>
        <source>打开一份报告（Ctrl+O），或把文件拖到窗口中。</source>
        <translation>Open a report (Ctrl+O), or drop a file onto the window.</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/text_view.py" line="495"/>
        <source>添加批注…</source>
        <translation>Add note…</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/text_view.py" line="500"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../xxgk_desk/gui/views/text_view.py" line="504"/>
        <source>全选</source>
        <translation>Select All</translation>
    </message>
</context>
</TS>
