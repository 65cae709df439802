// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/fittedtableview.h"

#include <QHeaderView>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTest>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;
using gd::ui::FittedTableView;

namespace {

/// A model of `rows` rows × 3 columns; column 1 holds CJK text.
void fill(QStandardItemModel &model, int rows)
{
    model.clear();
    model.setHorizontalHeaderLabels({u"Environment"_s, u"金丝雀标签"_s, u"Image"_s});
    for (int row = 0; row < rows; ++row)
        model.appendRow({new QStandardItem(u"env-%1"_s.arg(row)), new QStandardItem(u"金丝雀 1.%1"_s.arg(row)),
                         new QStandardItem(u"registry.example.com/team/app-%1"_s.arg(row))});
}

/// True when every row of `table` lies inside its viewport and the viewport ends with the last row.
bool showsExactlyAllRows(const QTableView *table)
{
    const QRect viewport = table->viewport()->rect();
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (!viewport.contains(table->visualRect(table->model()->index(row, 0))))
            return false;
    }
    return table->verticalHeader()->length() == viewport.height();
}

} // namespace

class TestFittedTableView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fitsRows_data();
    void fitsRows();
    void scrollsWhenTheLayoutIsShort();
    void followsFontAndModelChanges();
};

void TestFittedTableView::fitsRows_data()
{
    QTest::addColumn<int>("fit");
    QTest::addColumn<int>("rows");
    QTest::newRow("all rows, 2") << int(FittedTableView::Fit::AllRows) << 2;
    QTest::newRow("all rows, none") << int(FittedTableView::Fit::AllRows) << 0;
    QTest::newRow("at most, 5") << int(FittedTableView::Fit::AtMostAllRows) << 5;
}

void TestFittedTableView::fitsRows()
{
    QFETCH(int, fit);
    QFETCH(int, rows);
    QWidget page;
    auto *layout = new QVBoxLayout(&page);
    QStandardItemModel model;
    fill(model, rows);
    auto *table = new FittedTableView(FittedTableView::Fit(fit), &page);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setModel(&model);
    layout->addWidget(table);
    layout->addStretch(1);
    page.resize(900, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_VERIFY(showsExactlyAllRows(table));
    QCOMPARE(table->height(), table->heightForAllRows());
    QVERIFY(!table->verticalScrollBar()->isVisible());
    // The CJK column is as wide as its header text and its cells.
    QVERIFY(table->horizontalHeader()->sectionSize(1) >= table->horizontalHeader()->sectionSizeHint(1));
    QVERIFY(table->columnWidth(1) >= static_cast<const QAbstractItemView *>(table)->sizeHintForColumn(1));
}

void TestFittedTableView::scrollsWhenTheLayoutIsShort()
{
    QWidget page;
    auto *layout = new QVBoxLayout(&page);
    QStandardItemModel model;
    fill(model, 60);
    auto *table = new FittedTableView(FittedTableView::Fit::AtMostAllRows, &page);
    table->setModel(&model);
    layout->addWidget(table);
    layout->addStretch(1);
    page.resize(600, 300);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    // Sixty rows do not fit in 300 px: the table takes the room there is and scrolls, the page does not grow.
    QTRY_VERIFY(table->verticalScrollBar()->isVisible());
    QCOMPARE(page.height(), 300);
    QVERIFY(table->height() < table->heightForAllRows());
    QVERIFY(table->geometry().bottom() < page.height());
    QVERIFY(table->height() > page.height() / 2);

    // A few rows again: exactly as tall as they are.
    fill(model, 4);
    QTRY_VERIFY(showsExactlyAllRows(table));
}

void TestFittedTableView::followsFontAndModelChanges()
{
    QWidget page;
    auto *layout = new QVBoxLayout(&page);
    QStandardItemModel model;
    fill(model, 2);
    auto *table = new FittedTableView(FittedTableView::Fit::AllRows, &page);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->setModel(&model);
    layout->addWidget(table);
    layout->addStretch(1);
    page.resize(900, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_VERIFY(showsExactlyAllRows(table));
    const int twoRows = table->height();

    // A row more.
    model.appendRow({new QStandardItem(u"prod"_s), new QStandardItem(u"金丝雀 2.0"_s), new QStandardItem(u"x"_s)});
    QTRY_VERIFY(showsExactlyAllRows(table));
    QVERIFY(table->height() > twoRows);
    const int threeRows = table->height();

    // A font twice as large: taller rows and header, still every row.
    QFont font = page.font();
    font.setPointSizeF(font.pointSizeF() * 2);
    page.setFont(font);
    QTRY_VERIFY(table->height() > threeRows);
    QTRY_VERIFY(showsExactlyAllRows(table));

    // Longer texts in a cell: the content column grows with them.
    const int before = table->columnWidth(1);
    model.item(0, 1)->setText(u"金丝雀 金丝雀 金丝雀 1.2.3-rc.45"_s);
    QTRY_VERIFY(table->columnWidth(1) > before);
}

QTEST_MAIN(TestFittedTableView)
#include "tst_fittedtableview.moc"
